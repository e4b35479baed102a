import { RedirectError } from "../errors/index.js";
import { isIdempotent } from "./retry-policy.js";
import { sentRequest } from "./sent.js";
import type { Layer } from "./types.js";

const MAX_REDIRECTS = 5;

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * Follows redirects only within the request's own origin (another would be handed the
 * credentials), at most five. A 303 says a POST or PATCH was processed: it is marked on the
 * call, so nothing repeats it. A 301 or 302 to one leaves that unknown: it is not followed.
 */
export function sameOriginRedirects(): Layer {
  return (next) => async (request, call) => {
    let response = await next(request, call);
    let { url, method, body } = request;
    for (let hop = 1; isRedirect(response.status); hop++) {
      const location = response.headers.get("location");
      // Idempotent methods may still be repeated as a whole.
      if (response.status === 303) call.processed ||= !isIdempotent(request.method);
      // Browsers turn a POST answered 301 or 302 into a GET, as if it had been processed;
      // servers mean either. Neither repeating it nor dropping it is safe.
      const unsure = (response.status === 301 || response.status === 302) && !isIdempotent(method);
      // Without a Location the answer is returned as it is, unless it says more than its status.
      if (location === null && !call.processed && !unsure) return response;
      await response.body?.cancel();
      // An error after either carries what was sent, so nobody sends it again unawares.
      const sent = call.processed || unsure ? sentRequest(call) : undefined;
      const refuse = (location: string, reason: string) =>
        new RedirectError({ request: call.request, from: url, location, reason, sent, processed: call.processed });
      if (location === null) throw refuse("", `a ${response.status} without a Location`);
      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        throw refuse(location, "a Location that is not a URL");
      }
      if (target.origin !== new URL(request.url).origin) {
        throw refuse(
          target.href,
          `a redirect to another origin (${target.origin}); not followed, so the credentials stay put`,
        );
      }
      // fetch cannot send to a URL with a user name or password in it.
      if (target.username !== "" || target.password !== "")
        throw refuse(location, "a Location with a user name or password in it");
      if (hop > MAX_REDIRECTS) throw refuse(target.href, `more than ${MAX_REDIRECTS} redirects`);
      if (unsure)
        throw refuse(
          target.href,
          `${response.status} to a ${method}, not followed: whether it was processed is unknown`,
        );
      if (response.status === 303) {
        method = "GET";
        body = undefined;
      }
      url = target.href;
      response = await next({ ...request, url, method, body }, call);
    }
    return response;
  };
}
