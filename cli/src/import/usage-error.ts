import { CdpError } from "sitecore-cdp-orders";

/** The command cannot run as asked (the message says why); nothing was sent. */
export class ImportUsageError extends CdpError {
  override name = "ImportUsageError";
}
