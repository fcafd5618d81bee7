import { chunk } from '../app/chunk';

/**
 * The screens are chunks of their own, loaded when first shown (lazyPage, in
 * resourceFromDefinition.tsx, index.tsx and App.tsx) — or earlier, as a prefetch (src/app/prefetch.ts).
 * Each is one `import()`; what they share (the definitions, the field renderers…) Vite puts in
 * shared chunks that it fetches in parallel with the screen's own.
 */
export const PAGES = {
  generatedList: chunk(() => import('./GeneratedList')),
  generatedShow: chunk(() => import('./GeneratedShow')),
  generatedForm: chunk(() => import('./GeneratedForm')),
  orderList: chunk(() => import('./orders/OrderList')),
  orderShow: chunk(() => import('./orders/OrderShow')),
  orderForm: chunk(() => import('./orders/OrderForm')),
  customerCreate: chunk(() => import('./customers/CustomerCreate')),
  customerList: chunk(() => import('./customers/CustomerList')),
  auditLogShow: chunk(() => import('./auditLog/AuditLogShow')),
  /** /print/:form/:ids (App.tsx), no layout */
  printView: chunk(() => import('../print/PrintView')),
};
