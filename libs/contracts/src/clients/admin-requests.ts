// Filled by the helper that owns this route group (issue 17); see seed-rows.ts.
export {};
