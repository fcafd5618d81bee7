declare module 'json-server' {
  import type { Express, RequestHandler } from 'express';
  const jsonServer: {
    create(): Express;
    defaults(opts?: {
      static?: string;
      logger?: boolean;
      noCors?: boolean;
      noGzip?: boolean;
      readOnly?: boolean;
    }): RequestHandler[];
  };
  export default jsonServer;
}
