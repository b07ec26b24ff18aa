#!/usr/bin/env python3
"""Generate schemas/cloudcore.schema.json and schemas/edgecore.schema.json from KubeEdge key trees.

Usage:
    python3 schemas/tools/kubeedge-keys-to-schema.py [--out-dir DIR] [--check] KEYS.json [KEYS.json ...]

    KEYS.json   a key tree extracted from one KubeEdge release's Go config types, e.g.
                kubeedge-config-keys-v1.22.0.json and kubeedge-config-keys-v1.23.1.json. Give one file per
                KubeEdge version that dualstack targets.
    --out-dir   where to write the schemas (default: the schemas/ directory that holds this tools/ directory).
    --check     write nothing; exit 1 if a schema on disk differs from what would be generated.

Input format (one file per KubeEdge version):
    {"CloudCore": NODE, "EdgeCore": NODE, "apiVersions": {"CloudCore": ..., "EdgeCore": ...},
     "source": {"tag": "v1.22.0", "commit": ..., "types": {...}}, ...}
    NODE = {"type": "object", "go": GO_TYPE, "keys": {JSON_TAG: NODE, ...}, "inlined": [EMBEDDED, ...]}
         | {"type": "map",    "go": GO_TYPE, "values": NODE}
         | {"type": "list",   "go": GO_TYPE, "items": NODE}
         | {"type": "scalar", "go": GO_TYPE, "note": "custom UnmarshalJSON"}
    Embedded (inlined) structs are already flattened into "keys"; the keys are the exact JSON tags, which are the
    YAML keys because KubeEdge reads its config with sigs.k8s.io/yaml (YAML -> JSON -> encoding/json).

Rules:
    * A key is allowed only if it exists in EVERY given version (the intersection), so a config that passes the
      schema is accepted by all of them. Keys that exist in only some versions are printed and named in the
      schema's description. A key whose kind (object/map/list/scalar) differs between versions is an error.
    * object -> {"type": "object", "additionalProperties": false, "properties": {...}} (exact key case)
      map    -> {"type": ["object", "null"], "additionalProperties": VALUE_SCHEMA}
      list   -> {"type": ["array", "null"], "items": ITEM_SCHEMA}
                (null too: encoding/json writes a nil map or slice as null, and keadm writes its config that way,
                so a running edge's captured edgecore.yaml has them; reading null leaves the Go default)
      scalar -> typed from the Go type (pointer stars ignored; GO_SCALARS below). The JSON types a Go type
                accepts are those of encoding/json or of the type's own UnmarshalJSON:
                  bool -> boolean; string and string-based named types -> string;
                  int*/uint* and int-based named types -> integer (with the Go range; unsigned >= 0);
                  float* -> number;
                  time.Duration (an int64 without UnmarshalJSON) -> integer (KubeEdge uses cloudHub's two
                    durations as bare numbers of days/hours);
                  metav1.Duration -> string ("10s"; its UnmarshalJSON accepts only a JSON string);
                  logsapi TimeOrMetaDuration -> string or integer;
                  resource.Quantity / QuantityValue -> string or number;
                  metav1.Time -> string (RFC 3339).
                An unknown Go type accepts string or integer and is reported on stderr.
    * No key is required (KubeEdge fills defaults), no null is accepted, nothing else is constrained: values
      such as apiVersion, kind or KubeEdge's own validation rules are checked by the self-check in Java.
    * Output is deterministic: indent 2, sorted keys, UTF-8, trailing newline.

Regenerate after adding or replacing a targeted KubeEdge version, e.g.:
    python3 schemas/tools/kubeedge-keys-to-schema.py \\
        /path/to/kubeedge-config-keys-v1.22.0.json /path/to/kubeedge-config-keys-v1.23.1.json
"""

import argparse
import json
import os
import sys

import schema_files

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "https://dualstack.github.io/schemas/"

INT_RANGES = {
    "int8": (-(2 ** 7), 2 ** 7 - 1),
    "int16": (-(2 ** 15), 2 ** 15 - 1),
    "int32": (-(2 ** 31), 2 ** 31 - 1),
    "int": None,  # 64-bit on the linux/amd64 and arm64 builds KubeEdge ships
    "int64": None,
    "uint8": (0, 2 ** 8 - 1),
    "uint16": (0, 2 ** 16 - 1),
    "uint32": (0, 2 ** 32 - 1),
    "uint": (0, None),
    "uint64": (0, None),
}

# Go scalar type (package-qualified name as it appears in the key trees, without '*') -> JSON types it accepts.
# Named types are listed with the basic type they are defined on.
GO_SCALARS = {
    "bool": ["boolean"],
    "string": ["string"],
    "float32": ["number"],
    "float64": ["number"],
    "time.Duration": ["integer"],
    "metav1.Duration": ["string"],
    "metav1.Time": ["string"],
    "TimeOrMetaDuration": ["integer", "string"],          # k8s.io/component-base/logs/api/v1
    "resource.Quantity": ["number", "string"],
    "resource.QuantityValue": ["number", "string"],
    "VerbosityLevel": "uint32",                           # k8s.io/component-base/logs/api/v1
    "IptablesMgrMode": "string",                          # cloudcore v1alpha1: internal | external
    "MqttMode": "int",                                    # edgecore v1alpha2: 0 internal, 1 both, 2 external
    "TaintEffect": "string",                              # k8s.io/api/core/v1
    "tailoredkubeletconfigv1beta1.ResourceChangeDetectionStrategy": "string",
    "metaconfig.GroupName": "string",
    "metaconfig.ModuleName": "string",
}
for _name in INT_RANGES:
    GO_SCALARS[_name] = ["integer"]

FALLBACK = ["integer", "string"]

ROOTS = [
    # (root key in the key tree, schema file, component, how it is read)
    ("CloudCore", "cloudcore.schema.json", "cloudcore", "/etc/kubeedge/config/cloudcore.yaml, usually ConfigMap kubeedge/cloudcore data[\"cloudcore.yaml\"]"),
    ("EdgeCore", "edgecore.schema.json", "edgecore", "/etc/kubeedge/config/edgecore.yaml on each edge node"),
]


class TreeError(Exception):
    pass


def scalar_types(go, unknown):
    """JSON types and an optional integer range for one Go scalar type."""
    base = go.lstrip("*")
    spec = GO_SCALARS.get(base)
    if spec is None:
        unknown.add(base)
        return list(FALLBACK), None
    rng = None
    if isinstance(spec, str):  # a named type defined on a basic type
        rng = INT_RANGES.get(spec)
        spec = GO_SCALARS[spec]
    elif base in INT_RANGES:
        rng = INT_RANGES[base]
    return list(spec), rng


def describe_go(nodes, versions):
    gos = [n.get("go", "?") for n in nodes]
    if all(g == gos[0] for g in gos):
        text = "Go type " + gos[0]
    else:
        text = "Go type " + "; ".join(v + ": " + g for v, g in zip(versions, gos))
    inlined = sorted({i for n in nodes for i in n.get("inlined", [])})
    if inlined:
        text += " (inlines the fields of " + ", ".join(inlined) + ")"
    notes = sorted({n["note"] for n in nodes if "note" in n})
    if notes:
        text += " (" + "; ".join(notes) + ")"
    return text + "."


def merge(nodes, versions, path, dropped, unknown, counter):
    """The schema of one key present in every version; `nodes` holds its tree node in each version."""
    kinds = {n["type"] for n in nodes}
    if len(kinds) != 1:
        raise TreeError("%s: kind differs between versions: %s" % (
            path or "(root)", ", ".join(v + "=" + n["type"] for v, n in zip(versions, nodes))))
    kind = kinds.pop()
    schema = {"description": describe_go(nodes, versions)}
    if kind == "object":
        key_sets = [set(n.get("keys", {})) for n in nodes]
        common = set.intersection(*key_sets)
        for key in sorted(set.union(*key_sets) - common):
            present = [v for v, ks in zip(versions, key_sets) if key in ks]
            dropped.append((join(path, key), present))
        props = {}
        for key in sorted(common):
            counter[0] += 1
            props[key] = merge([n["keys"][key] for n in nodes], versions, join(path, key), dropped, unknown,
                               counter)
        schema.update(type="object", additionalProperties=False, properties=props)
    elif kind == "map":
        schema.update(type=["object", "null"], additionalProperties=merge(
            [n["values"] for n in nodes], versions, path + "{}", dropped, unknown, counter))
    elif kind == "list":
        schema.update(type=["array", "null"], items=merge(
            [n["items"] for n in nodes], versions, path + "[]", dropped, unknown, counter))
    elif kind == "scalar":
        accepted = None
        lo, hi = None, None
        for n in nodes:
            types, rng = scalar_types(n["go"], unknown)
            accepted = types if accepted is None else [t for t in accepted if t in types]
            if rng is not None:  # the intersection of the versions' ranges
                lo = rng[0] if lo is None else max(lo, rng[0])
                if rng[1] is not None:
                    hi = rng[1] if hi is None else min(hi, rng[1])
        if not accepted:
            raise TreeError("%s: no JSON type is accepted by every version (%s)" % (
                path, ", ".join(v + "=" + n["go"] for v, n in zip(versions, nodes))))
        schema["type"] = accepted[0] if len(accepted) == 1 else sorted(accepted)
        if "integer" in accepted:
            if lo is not None:
                schema["minimum"] = lo
            if hi is not None:
                schema["maximum"] = hi
    else:
        raise TreeError("%s: unknown node type %r" % (path, kind))
    return schema


def join(path, key):
    return key if not path else path + "." + key


def build(root, trees, versions, file_name, component, where):
    dropped, unknown, counter = [], set(), [0]
    body = merge([t[root] for t in trees], versions, "", dropped, unknown, counter)
    api_versions = sorted({t.get("apiVersions", {}).get(root, "") for t in trees} - {""})
    sources = ", ".join("%s (commit %s)" % (t["source"]["tag"], t["source"].get("commit", "?")[:12]) for t in trees)
    desc = ("KubeEdge %s configuration (%s, kind %s), read by %s from %s with sigs.k8s.io/yaml over its Go types: "
            "the YAML keys are the Go types' JSON tags, matched case-sensitively. Generated by "
            "schemas/tools/kubeedge-keys-to-schema.py from the key trees of KubeEdge %s; do not edit by hand. "
            "A key is allowed only if it exists in every one of these versions (the intersection), so a config "
            "that passes is accepted by all of them." % (
                root, " or ".join(api_versions) or "?", root, component, where, sources))
    if dropped:
        desc += " Left out because not every version has them: " + "; ".join(
            "%s (only %s)" % (p, ", ".join(v)) for p, v in dropped) + "."
    else:
        desc += " Every version has the same keys."
    schema = {
        "$schema": SCHEMA_DIALECT,
        "$id": ID_BASE + file_name,
        "title": "KubeEdge %s config (keys common to KubeEdge %s)" % (root, ", ".join(versions)),
    }
    schema.update(body)
    schema["description"] = desc + " Root: " + body["description"]
    return schema, dropped, unknown, counter[0]


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trees", nargs="+", metavar="KEYS.json")
    ap.add_argument("--out-dir", default=os.path.dirname(here))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)

    trees = []
    for p in args.trees:
        with open(p, encoding="utf-8") as f:
            trees.append(json.load(f))
    versions = [t["source"]["tag"] for t in trees]
    if len(set(versions)) != len(versions):
        print("error: a KubeEdge version is given twice: %s" % ", ".join(versions), file=sys.stderr)
        return 2
    order = sorted(range(len(trees)), key=lambda i: [int(x) if x.isdigit() else x
                                                     for x in versions[i].lstrip("v").replace("-", ".").split(".")])
    trees = [trees[i] for i in order]
    versions = [versions[i] for i in order]

    stale = False
    for root, file_name, component, where in ROOTS:
        try:
            schema, dropped, unknown, count = build(root, trees, versions, file_name, component, where)
        except TreeError as e:
            print("error: %s: %s" % (root, e), file=sys.stderr)
            return 2
        for go in sorted(unknown):
            print("warning: %s: unknown Go scalar type %s, accepting string or integer" % (root, go),
                  file=sys.stderr)
        text = schema_files.render(schema)
        out = os.path.join(args.out_dir, file_name)
        print("%s: %d keys common to %s" % (file_name, count, ", ".join(versions)))
        for p, present in dropped:
            print("  left out %s.%s (only in %s)" % (root, p, ", ".join(present)))
        if schema_files.write_or_check(out, text, args.check):
            print("  STALE: %s differs from the generated schema" % out)
            stale = True
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
