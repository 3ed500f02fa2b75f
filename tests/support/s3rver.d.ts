// s3rver ships without types; this covers the part the S3 test server uses.
declare module "s3rver" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type S3rverOptions = {
    directory?: string;
    silent?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };

  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets in the directory, without going through the S3 API. */
    configureBuckets(): Promise<void>;
    /** The Koa request handler that S3rver#run would mount on its own HTTP server. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    logger: { close(): void };
  }
}
