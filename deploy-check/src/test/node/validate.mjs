// Validates Kubernetes objects against the Kubernetes OpenAPI schemas, offline, with the npm
// package kubernetes-models. Input: a JSON file holding an array of objects (argv[2]).
// Output: one JSON line per object: {index, kind, name, status: "valid"|"invalid"|"unknown", message}.
// "unknown" means kubernetes-models has no model for that apiVersion and kind (custom resources):
// the Java side decides what to do with those.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));

function modulePath(apiVersion) {
  // "apps/v1" -> kubernetes-models/apps/v1, "v1" (the core group) -> kubernetes-models/v1
  return "kubernetes-models/" + apiVersion;
}

async function modelFor(apiVersion, kind) {
  try {
    const module = await import(modulePath(apiVersion));
    return module[kind];
  } catch (e) {
    return undefined;
  }
}

for (const [index, object] of objects.entries()) {
  const kind = object.kind;
  const name = object.metadata?.name;
  const Model = await modelFor(object.apiVersion, kind);
  let status;
  let message = "";
  if (typeof Model !== "function") {
    status = "unknown";
  } else {
    try {
      new Model(object).validate();
      status = "valid";
    } catch (e) {
      status = "invalid";
      message = e.message;
    }
  }
  console.log(JSON.stringify({ index, kind, name, status, message }));
}
