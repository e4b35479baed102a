// Types that tie a list operation's path to its request and its items, all derived from the
// generated `paths`, so a new list operation in the spec is covered without code here.
import type { components, paths } from "../../generated/schema.js";

type GetOperation<Path> = Path extends keyof paths ? (paths[Path] extends { get: infer Op } ? Op : never) : never;

type SuccessBody<Op> = Op extends { responses: { 200: { content: { "application/json": infer Body } } } }
  ? Body
  : never;

type IsCollectionBody<Body> = [Body] extends [never]
  ? false
  : Body extends { offset: number; limit: number; items: unknown[] }
    ? true
    : false;

/** The GET paths whose 200 answer is one page of an offset/limit collection. */
export type ListPath = {
  [Path in keyof paths]: IsCollectionBody<SuccessBody<GetOperation<Path>>> extends true ? Path : never;
}[keyof paths];

/** One page of the collection at `Path`, as the API sends it. */
export type PageOf<Path extends ListPath> = SuccessBody<GetOperation<Path>>;

type OperationParameters<Path extends ListPath> =
  GetOperation<Path> extends { parameters: infer Params } ? Params : never;

/** The query of a list request. `offset` is where the listing starts (default 0). */
export type ListQuery<Path extends ListPath> = NonNullable<
  OperationParameters<Path> extends { query?: infer Query } ? Query : never
>;

/**
 * The request of a list operation, as `client.GET` takes it: the path parameters and the
 * query, without the page position (that is the paginator's job).
 */
export type ListInit<Path extends ListPath> = {
  params: (OperationParameters<Path> extends { path: infer P } ? { path: P } : { path?: never }) & {
    query?: ListQuery<Path>;
  };
};

/**
 * `Given` with each key `Shape` does not have typed `never`, at every level: `paginate`
 * infers its request's type (to read `expand`), which skips TypeScript's check for
 * properties a type does not know, such as a misspelt query parameter or a `signal`.
 */
export type OnlyKnownKeys<Shape, Given> = {
  [K in keyof Given]: K extends keyof Shape
    ? Given[K] extends Record<string, unknown>
      ? OnlyKnownKeys<NonNullable<Shape[K]>, Given[K]>
      : Given[K]
    : never;
};

/**
 * What `paginate` takes as its request: `Init` with nothing ListInit does not know. One typed
 * as ListInit itself (a helper generic over the path passes one on) is taken as it is: it
 * has nothing unknown, and its keys cannot be checked until the path is known. One wider
 * than ListInit (an optional signal, an index signature) is checked.
 */
export type CheckedListInit<Path extends ListPath, Init> = Init &
  (IsListInit<Path, Init> extends true ? unknown : OnlyKnownKeys<ListInit<Path>, Init>);

/** Whether `Init` is ListInit itself: as wide, and without keys beside `params`. */
type IsListInit<Path extends ListPath, Init> =
  ListInit<Path> extends Init ? ([Exclude<keyof Init, "params">] extends [never] ? true : false) : false;

export type ResourceLink = components["schemas"]["ResourceLink"];

// A full object is structurally a ResourceLink too (it has `href`), so ResourceLink is
// recognised by assignability both ways rather than removed with Exclude.
type IsResourceLink<T> = [T] extends [ResourceLink] ? ([ResourceLink] extends [T] ? true : false) : false;

/** The members of the page union that are full objects, not links. */
export type FullItemOf<Path extends ListPath> = PageOf<Path>["items"][number] extends infer Member
  ? Member extends unknown
    ? IsResourceLink<Member> extends true
      ? never
      : Member
    : never
  : never;

/** No keys: what a request without params (or a query) gives. */
type Nothing = Record<never, never>;
type ParamsGiven<Init> = Init extends { params: infer Params } ? Params : Nothing;
type QueryGiven<Init> = "query" extends keyof ParamsGiven<Init>
  ? NonNullable<ParamsGiven<Init>["query" & keyof ParamsGiven<Init>]>
  : Nothing;

/**
 * The `expand` the request gives: a literal when written inline, `false` when absent (not
 * `undefined`: without strictNullChecks that is assignable to `true`).
 */
type ExpandOf<Init> = "expand" extends keyof QueryGiven<Init>
  ? QueryGiven<Init>["expand" & keyof QueryGiven<Init>]
  : false;

/**
 * What the listing yields: full objects when the request says `expand: true`, links
 * otherwise; both when `expand` is only known to be a boolean.
 */
export type ItemOf<Path extends ListPath, Init> = [ExpandOf<Init>] extends [true]
  ? FullItemOf<Path>
  : true extends ExpandOf<Init>
    ? FullItemOf<Path> | ResourceLink
    : ResourceLink;
