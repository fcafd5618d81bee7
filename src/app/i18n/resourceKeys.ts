/**
 * The message keys of a document's statuses and choices, as definitionMessages.ts generates them
 * (`resources.<resource>.status.<state>`, `resources.<resource>.enums.<field>.<value>`; a lines
 * table's choice field is `<linesField>_<field>`). One place for every screen that names them.
 * No import of the definitions: screens in the first bundle use it too.
 */
export const statusKey = (resource: string, state: string) => `resources.${resource}.status.${state}`;
export const enumKey = (resource: string, field: string, value: string) =>
  `resources.${resource}.enums.${field}.${value}`;
