// Hostile requests for every route of the API, as plain data both the CLI (Node fetch against
// `wrangler dev`) and the CI sample (SELF.fetch inside workerd) can send.
import fc from "fast-check";
import type { GenericSchema } from "valibot";
import { DeleteAccountRequestSchema } from "../../shared/schemas/account";
import { WorkoutQuerySchema } from "../../shared/schemas/api";
import {
  LoginOptionsRequestSchema,
  LoginVerifyRequestSchema,
  RecoverRequestSchema,
  RegisterOptionsRequestSchema,
  RegisterVerifyRequestSchema,
} from "../../shared/schemas/auth";
import { ENTITY_DEFINITIONS, ENTITY_KINDS } from "../../shared/schemas/entities";
import { ProfileSchema } from "../../shared/schemas/profile";
import { PullQuerySchema, SYNC_SCHEMA_VERSION } from "../../shared/schemas/sync";
import { contentType, hostileNumber, hostileRawBody, hostileString } from "./hostile";
import { arbitraryFor } from "./schema-arbitrary";

/** Which cookie a request carries: none, a live session of a fuzz user, or made up. */
export type SessionChoice = "none" | "valid" | "forged";

/** One request, as data. Bodies are text (possibly not JSON) or raw bytes (possibly not UTF-8). */
export interface FuzzRequest {
  method: string;
  /** Path and query string, starting with /api/ (or a stray path). */
  path: string;
  headers: Record<string, string>;
  body?: string | { bytes: number[] };
  /** Send the body as a stream (chunked transfer) instead of with a length. */
  chunked: boolean;
  session: SessionChoice;
}

interface Route {
  method: string;
  path: string;
  /** Path parameter (`:param` in `path`) values. */
  param?: fc.Arbitrary<string>;
  body?: GenericSchema | fc.Arbitrary<unknown>;
  query?: GenericSchema;
  /** Ends the caller's own session or account: never sent with a live one. */
  destructive?: boolean;
}

// One mutation arbitrary per entity kind, built once: a record shaped like that kind's schema.
const mutation = fc.oneof(
  ...ENTITY_KINDS.map((entity) =>
    fc.record({
      id: fc.oneof(fc.integer({ min: 1, max: 10_000 }), hostileNumber),
      entity: fc.oneof(
        { weight: 9, arbitrary: fc.constant<string>(entity) },
        { weight: 1, arbitrary: hostileString },
      ),
      op: fc.constantFrom("put", "delete", "patch", "PUT"),
      key: fc.oneof(fc.uuid({ version: 7 }), fc.constantFrom("self", "targets"), hostileString),
      value: arbitraryFor(ENTITY_DEFINITIONS[entity].schema),
      fields: fc.option(fc.array(hostileString, { maxLength: 4 }), { nil: undefined }),
    }),
  ),
);
const tooManyMutations = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, entity: "workout", op: "delete", key: `k${i}` }));

const pushBody = fc.record(
  {
    schemaVersion: fc.oneof(fc.constant(SYNC_SCHEMA_VERSION), hostileNumber),
    clientId: fc.oneof(fc.uuid(), hostileString),
    mutations: fc.oneof(
      { weight: 9, arbitrary: fc.array(mutation, { maxLength: 8 }) },
      // Past the 100-mutation cap, cheaply.
      { weight: 1, arbitrary: fc.integer({ min: 101, max: 400 }).map(tooManyMutations) },
    ),
  },
  { requiredKeys: [] },
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes text for a URL; a lone surrogate (which encodeURIComponent refuses) becomes
 * the bytes of its CESU-8 form, which are not valid UTF-8: one more thing a server must survive.
 */
export const encodeHostile = (text: string): string =>
  text
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .join("%ED%A0%80");

const pathParam = fc.oneof(
  fc.uuid(),
  hostileString.map((s) => encodeHostile(s)),
  fc.constantFrom("..", "%2F", "%00", "%E0%A4%A"),
);

/** Every route of the API, with the shape of what it takes. */
export const ROUTES: readonly Route[] = [
  { method: "GET", path: "/api/health" },
  { method: "GET", path: "/api/metrics" },
  { method: "GET", path: "/api/alerts" },
  { method: "POST", path: "/api/auth/register/options", body: RegisterOptionsRequestSchema },
  { method: "POST", path: "/api/auth/register/verify", body: RegisterVerifyRequestSchema },
  { method: "POST", path: "/api/auth/login/options", body: LoginOptionsRequestSchema },
  { method: "POST", path: "/api/auth/login/verify", body: LoginVerifyRequestSchema },
  { method: "POST", path: "/api/auth/recover", body: RecoverRequestSchema },
  { method: "POST", path: "/api/auth/logout", destructive: true },
  { method: "GET", path: "/api/auth/me" },
  { method: "GET", path: "/api/auth/devices" },
  { method: "DELETE", path: "/api/auth/devices/:param", param: pathParam },
  { method: "GET", path: "/api/auth/passkeys" },
  { method: "DELETE", path: "/api/auth/passkeys/:param", param: pathParam },
  { method: "POST", path: "/api/auth/recovery-code" },
  { method: "POST", path: "/api/auth/sign-out-others" },
  { method: "POST", path: "/api/sync/push", body: pushBody },
  { method: "GET", path: "/api/sync/pull", query: PullQuerySchema },
  { method: "GET", path: "/api/profile" },
  { method: "PUT", path: "/api/profile", body: ProfileSchema },
  { method: "GET", path: "/api/workouts", query: WorkoutQuerySchema },
  { method: "GET", path: "/api/account/export" },
  { method: "DELETE", path: "/api/account", body: DeleteAccountRequestSchema, destructive: true },
];

const asArbitrary = (body: GenericSchema | fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  body instanceof fc.Arbitrary ? body : arbitraryFor(body);

/** A query string from a query schema: plausible pairs, hostile values, duplicated keys, bad escapes. */
function queryString(schema: GenericSchema | undefined): fc.Arbitrary<string> {
  const fromSchema = schema
    ? arbitraryFor(schema).map((value) =>
        value !== null && typeof value === "object" && !Array.isArray(value)
          ? Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(String(v))}`)
              .join("&")
          : `q=${encodeHostile(String(value))}`,
      )
    : fc.constant("");
  const junk = fc.constantFrom(
    "q=a&q=b",
    "limit=1&limit=2",
    "%ZZ=1",
    "q=%",
    "limit=1e3",
    "limit=-0",
    "cursor=%00",
    "=&&=",
    "a[]=1&a[x]=2",
  );
  return fc
    .tuple(fromSchema, fc.option(junk, { nil: undefined }))
    .map(([a, b]) => [a, b].filter((p) => p).join("&"));
}

/** A body for a route: JSON of a shaped value, raw hostile text, or bytes that are not UTF-8. */
function bodyFor(route: Route): fc.Arbitrary<FuzzRequest["body"]> {
  const json = route.body
    ? asArbitrary(route.body).map((value) => rawJson(value))
    : fc.constant<string | undefined>(undefined);
  const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => ({ bytes: [...b] }));
  return fc.oneof(
    { weight: 12, arbitrary: json },
    { weight: 3, arbitrary: hostileRawBody },
    { weight: 1, arbitrary: bytes },
  );
}

/** JSON text in which non-finite numbers appear as bare tokens, the way a broken client would send them. */
export function rawJson(value: unknown): string | undefined {
  const tokens = new Map<string, string>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) {
      const token = `@@num${tokens.size}@@`;
      tokens.set(token, String(v));
      return token;
    }
    return v;
  });
  if (text === undefined) return undefined;
  let out = text;
  for (const [token, raw] of tokens) out = out.replace(`"${token}"`, raw);
  return out;
}

const headerValue = fc.oneof(
  hostileString.filter((s) => /^[\t\x20-\x7e]*$/.test(s) && s.length < 8000),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
);

const headers = fc
  .record(
    {
      "content-type": contentType,
      "cf-connecting-ip": fc.oneof(fc.ipV4(), fc.ipV6(), headerValue),
      "x-d1-bookmark": headerValue,
      origin: fc.constantFrom("http://localhost", "https://evil.example", "null", "http://127.0.0.1:1"),
      authorization: headerValue.map((s) => `Bearer ${s}`),
      cookie: fc.oneof(
        headerValue,
        headerValue.map((s) => `spotter_session=${s}; spotter_session=x`),
      ),
      "user-agent": headerValue,
    },
    { requiredKeys: [] },
  )
  .map(
    (h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>,
  );

const oddMethod = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>(undefined) },
  { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS") },
);

/** Requests for one route; its arbitraries are built once (building them is the slow part). */
function routeRequests(route: Route): fc.Arbitrary<FuzzRequest> {
  const query = queryString(route.query);
  const body = bodyFor(route);
  return fc
    .record({
      method: oddMethod,
      param: route.param ?? fc.constant(""),
      query,
      headers,
      body,
      chunked: fc.boolean(),
      session: fc.constantFrom<SessionChoice>("valid", "valid", "none", "forged"),
      // One request in twelve goes to a path next to the route, where there is none.
      stray: fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
    })
    .map((r) => {
      const method = r.method ?? route.method;
      const path = route.path.replace(":param", r.param) + (r.stray ? `/${encodeHostile("..")}x` : "");
      return {
        method,
        path: r.query ? `${path}?${r.query}` : path,
        headers: r.headers,
        body: method === "GET" ? undefined : r.body,
        chunked: r.chunked,
        session: route.destructive && r.session === "valid" ? "forged" : r.session,
      };
    });
}

/** A hostile request to one of the routes (or a wrong method, or no route at all). */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(...ROUTES.map(routeRequests));

/** `count` requests from `seed`: the same seed gives the same requests. */
export const sampleRequests = (count: number, seed: number): FuzzRequest[] =>
  fc.sample(fuzzRequest, { numRuns: count, seed });
