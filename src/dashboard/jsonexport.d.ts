// jsonexport (a react-admin dependency, used by its own ExportButton) ships no types.
declare module 'jsonexport/dist' {
  type Callback = (err: Error | null, csv: string) => void;
  interface Options {
    headers?: string[];
    rowDelimiter?: string;
    forceTextDelimiter?: boolean;
  }
  function jsonExport(data: object[], options: Options, callback: Callback): void;
  function jsonExport(data: object[], callback: Callback): void;
  export default jsonExport;
}
