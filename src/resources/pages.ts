/**
 * The screens are chunks of their own, loaded when first shown (React.lazy in
 * resourceFromDefinition.tsx and index.tsx) — or earlier, as a prefetch (src/app/prefetch.ts).
 * Each is one `import()`; what they share (the definitions, the field renderers…) Vite puts in
 * shared chunks that it fetches in parallel with the screen's own.
 */
export const PAGES = {
  generatedList: () => import('./GeneratedList'),
  generatedShow: () => import('./GeneratedShow'),
  generatedForm: () => import('./GeneratedForm'),
  orderList: () => import('./orders/OrderList'),
  orderShow: () => import('./orders/OrderShow'),
  orderForm: () => import('./orders/OrderForm'),
  customerCreate: () => import('./customers/CustomerCreate'),
  auditLogShow: () => import('./auditLog/AuditLogShow'),
  /** /print/:form/:ids (App.tsx), no layout */
  printView: () => import('../print/PrintView'),
};
