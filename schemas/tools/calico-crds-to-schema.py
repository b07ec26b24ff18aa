#!/usr/bin/env python3
"""Generate schemas/calico-installation.schema.json and schemas/calico-ippool.schema.json from upstream CRDs.

Usage:
    python3 schemas/tools/calico-crds-to-schema.py [--out-dir DIR] [--check] \\
        --installation LABEL=CRD.yaml [LABEL=CRD.yaml ...] --ippool LABEL=CRD.yaml [LABEL=CRD.yaml ...]

    --installation  tigera/operator's pkg/crds/operator/operator.tigera.io_installations.yaml, one per operator
                    release that dualstack targets, labelled with the release (e.g. v1.34=/tmp/inst-v1.34.yaml).
    --ippool        the crd.projectcalico.org_ippools.yaml that the same releases ship (tigera/operator
                    pkg/crds/calico/, copied from projectcalico/calico libcalico-go/config/crd/).
    --out-dir       where to write the schemas (default: the schemas/ directory that holds this tools/ directory).
    --check         write nothing; exit 1 if a schema on disk differs from what would be generated.

Targets: Calico v3.28, v3.29 and v3.30, whose operator releases are v1.34, v1.36 and v1.38 (tigera/operator
config/calico_versions.yml on each release branch). Regenerate with, from a tigera/operator clone:
    for v in 34 36 38; do
      git show release-v1.$v:pkg/crds/operator/operator.tigera.io_installations.yaml > /tmp/inst-v1.$v.yaml
      git show release-v1.$v:pkg/crds/calico/crd.projectcalico.org_ippools.yaml > /tmp/pool-v1.$v.yaml
    done
    python3 schemas/tools/calico-crds-to-schema.py \\
        --installation v1.34=/tmp/inst-v1.34.yaml v1.36=/tmp/inst-v1.36.yaml v1.38=/tmp/inst-v1.38.yaml \\
        --ippool v1.34=/tmp/pool-v1.34.yaml v1.36=/tmp/pool-v1.36.yaml v1.38=/tmp/pool-v1.38.yaml

Rules:
    * The output uses only the keywords the self-check's schema walk knows (check/KubeEdgeSchema.java): type,
      properties, additionalProperties, items, minimum, maximum, enum, plus description.
    * A key is allowed if any given release has it (the union): a running site's captured Installation, which the
      brownfield merge keeps whole, holds the fields of its own release. The keys only some releases have are
      named in the schema's description (dualstack itself writes none of them); a key whose type differs between
      releases is an error.
    * openAPIV3Schema -> schema:
        object with properties       -> additionalProperties false (exact key case, as the API server prunes)
        object with additionalProperties (a map) -> its value schema
        object with neither, or x-kubernetes-preserve-unknown-fields -> any object
        array                        -> items
        x-kubernetes-int-or-string   -> integer or string
        nullable                     -> also null
        enum (strings), minimum, maximum (integers) are kept; format int32/int64 add that range.
      Other keywords (required, pattern, CEL rules, ...) are left to the API server and the Java self-check.
    * The Installation CRD is 1.3 MB of pod-template overrides; only the subtrees dualstack writes (FULL below) are
      kept whole. Every object on the way to them keeps all its keys, each with its type only, so a misspelt key
      next to a written one is still refused, and a captured Installation's other fields pass.
    * The IPPool keeps everything but the fields whose CRD description says they exist for APIv1 backwards
      compatibility and may not be set (ipip, nat-outgoing): projectcalico.org/v3 IPPools, which dualstack
      writes, have the same spec as the crd.projectcalico.org/v1 CRD that stores them, without those.
    * metadata and status are not described by the CRDs beyond "object": metadata is any object; status is left
      out, because nothing dualstack renders may carry one.
    * Output is deterministic: indent 2, sorted keys, UTF-8, trailing newline.
"""

import argparse
import os
import sys

import yaml

import schema_files

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "https://dualstack.github.io/schemas/"
INT_RANGES = {"int32": (-2 ** 31, 2 ** 31 - 1), "int64": (-2 ** 63, 2 ** 63 - 1)}
APIV1_ONLY = "only used for APIv1 backwards compatibility"

TARGETS = {
    "installation": {
        "file": "calico-installation.schema.json",
        "kind": "Installation",
        "group": "operator.tigera.io",
        "drop_root": {"status"},
        "full": [
            ("spec", "calicoNetwork"),
            ("spec", "calicoNodeDaemonSet", "spec", "template", "spec", "affinity"),
        ],
        "what": "Calico operator Installation (operator.tigera.io/v1, kind Installation), read by tigera/operator."
                " Only spec.calicoNetwork and spec.calicoNodeDaemonSet.spec.template.spec.affinity are described"
                " whole; every other key on the way is listed with its type",
    },
    "ippool": {
        "file": "calico-ippool.schema.json",
        "kind": "IPPool",
        "group": "crd.projectcalico.org",
        "drop_root": {"status"},
        "full": [()],
        "what": "Calico IPPool (projectcalico.org/v3, kind IPPool), the spec the crd.projectcalico.org/v1 CRD"
                " stores, without the APIv1-only fields (ipip, nat-outgoing) that may not be set",
    },
}


def fail(msg):
    print("calico-crds-to-schema: " + msg, file=sys.stderr)
    sys.exit(2)


def open_api(path, target):
    with open(path, encoding="utf-8") as f:
        crd = yaml.safe_load(f)
    if crd.get("kind") != "CustomResourceDefinition" or crd["spec"]["names"]["kind"] != target["kind"] \
            or crd["spec"]["group"] != target["group"]:
        fail(path + ": not the " + target["group"] + " " + target["kind"] + " CRD")
    versions = [v for v in crd["spec"]["versions"] if v.get("storage")]
    if len(versions) != 1:
        fail(path + ": expected one storage version")
    return versions[0]["schema"]["openAPIV3Schema"]


def types_of(node):
    if node.get("x-kubernetes-int-or-string"):
        t = ["integer", "string"]
    elif "type" in node:
        t = [node["type"]]
    elif "properties" in node:
        t = ["object"]
    else:
        return None
    if node.get("nullable"):
        t.append("null")
    return t


def convert(node, full, on_path, where):
    """One CRD subschema. full: the whole subtree; on_path: the tails of FULL paths still to walk."""
    out = {}
    t = types_of(node)
    if t:
        out["type"] = t[0] if len(t) == 1 else t
    if not full and not on_path:
        return out
    if "enum" in node:
        if not all(isinstance(v, str) for v in node["enum"]):
            fail(where + ": only string enums are supported")
        out["enum"] = sorted(node["enum"])
    for bound in ("minimum", "maximum"):
        if bound in node:
            if not isinstance(node[bound], int):
                fail(where + ": " + bound + " must be an integer")
            out[bound] = node[bound]
    if node.get("format") in INT_RANGES and node.get("type") == "integer":
        lo, hi = INT_RANGES[node["format"]]
        out["minimum"] = max(out.get("minimum", lo), lo)
        out["maximum"] = min(out.get("maximum", hi), hi)
    if "properties" in node and not node.get("x-kubernetes-preserve-unknown-fields"):
        props = {}
        for key, sub in node["properties"].items():
            if APIV1_ONLY in sub.get("description", ""):
                continue
            tails = [p[1:] for p in on_path if p and p[0] == key]
            props[key] = convert(sub, full or any(len(p) == 0 for p in tails), [p for p in tails if p],
                                 where + "." + key)
        out["properties"] = props
        out["additionalProperties"] = False
    elif isinstance(node.get("additionalProperties"), dict):
        out["additionalProperties"] = convert(node["additionalProperties"], full, [], where + ".*")
    if "items" in node:
        out["items"] = convert(node["items"], full, [], where + "[]")
    return out


def union(schemas, where, only_in):
    """The keys any release has; notes in only_in those that not every release has."""
    first = schemas[0][1]
    for label, s in schemas[1:]:
        if s.get("type") != first.get("type"):
            fail(where + ": type " + str(first.get("type")) + " in " + schemas[0][0] + " but "
                 + str(s.get("type")) + " in " + label)
    out = {k: v for k, v in first.items() if k not in ("properties", "items", "additionalProperties", "enum")}
    if all("enum" in s for _, s in schemas):
        out["enum"] = sorted(set.union(*(set(s["enum"]) for _, s in schemas)))
    if any("properties" in s for _, s in schemas):
        keys = sorted(set().union(*(s.get("properties", {}).keys() for _, s in schemas)))
        props = {}
        for k in keys:
            have = [(label, s["properties"][k]) for label, s in schemas if k in s.get("properties", {})]
            if len(have) < len(schemas):
                only_in.append(where + k + " (only " + ", ".join(label for label, _ in have) + ")")
            props[k] = union(have, where + k + ".", only_in)
        out["properties"] = props
        out["additionalProperties"] = False
    elif any(isinstance(s.get("additionalProperties"), dict) for _, s in schemas):
        out["additionalProperties"] = union([(l, s["additionalProperties"]) for l, s in schemas],
                                                where + "*.", only_in)
    if any("items" in s for _, s in schemas):
        out["items"] = union([(l, s["items"]) for l, s in schemas], where[:-1] + "[].", only_in)
    return out


def build(name, releases):
    target = TARGETS[name]
    converted = []
    for label, path in releases:
        root = open_api(path, target)
        for k in target["drop_root"]:
            root.get("properties", {}).pop(k, None)
        converted.append((label, convert(root, () in target["full"], [p for p in target["full"] if p], "")))
    only_in = []
    schema = union(converted, "", only_in)
    desc = (target["what"] + ". Generated by schemas/tools/calico-crds-to-schema.py from the CRDs of tigera/operator "
            + ", ".join(label for label, _ in releases) + "; do not edit by hand. A key is allowed if one of these"
            " releases has it.")
    if only_in:
        desc += " Not in every release: " + "; ".join(only_in) + "."
    schema["$id"] = ID_BASE + target["file"]
    schema["$schema"] = SCHEMA_DIALECT
    schema["description"] = desc
    return target["file"], schema_files.render(schema)


def releases(args):
    out = []
    for a in args:
        label, sep, path = a.partition("=")
        if not sep:
            fail(a + ": expected LABEL=PATH")
        out.append((label, path))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out-dir", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    p.add_argument("--check", action="store_true")
    p.add_argument("--installation", nargs="+", required=True)
    p.add_argument("--ippool", nargs="+", required=True)
    a = p.parse_args()
    stale = False
    for name, rel in (("installation", a.installation), ("ippool", a.ippool)):
        file, text = build(name, releases(rel))
        path = os.path.join(a.out_dir, file)
        if schema_files.write_or_check(path, text, a.check):
            print(path + " is stale", file=sys.stderr)
            stale = True
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
