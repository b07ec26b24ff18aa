#!/usr/bin/env python3
"""Generate schemas/kubeadm.schema.json from the Go types kubeadm and kube-proxy read their configuration into.

Usage:
    python3 schemas/tools/kubeadm-types-to-schema.py [--out FILE] [--check] [--note TEXT] API=TYPES.go ...

    API=TYPES.go  one Go source file per configuration API, e.g. (paths in a kubernetes/kubernetes checkout at a
                  release tag):
                    kubeadm.k8s.io/v1beta3=cmd/kubeadm/app/apis/kubeadm/v1beta3/types.go          (1.30)
                    kubeadm.k8s.io/v1beta4=cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go          (1.31+)
                    kubeproxy.config.k8s.io/v1alpha1=staging/src/k8s.io/kube-proxy/config/v1alpha1/types.go
    --out         where to write (default: kubeadm.schema.json in the schemas/ directory above this tools/ one).
    --check       write nothing; exit 1 if the file on disk differs from what would be generated.
    --note        text appended to the schema's description (say which tags or commits were read).

What it reads: every `type NAME struct { ... }` and `type NAME BASIC` in each file. A field is
`Name Type \\`json:"tag,..."\\``; a field whose tag is `,inline` or empty, or an embedded type without a tag, has
its fields inlined (encoding/json, which kubeadm's sigs.k8s.io/yaml decoding goes through). Fields tagged "-" or
without a json tag on a named field are skipped. Types from other packages are resolved through EXTERNAL below
(hand-kept from k8s.io/api, k8s.io/apimachinery and k8s.io/component-base); an unknown one is an error.

Output: one JSON Schema whose root has one property per "API/Kind" (e.g. "kubeadm.k8s.io/v1beta4/JoinConfiguration")
for the kinds in ROOTS. It uses only the keywords the self-check's walker supports: type, properties,
additionalProperties, items, minimum, maximum (and description). Structs refuse unknown keys; maps and lists
type their values; no null is accepted (dualstack never writes one); nothing is required (kubeadm defaults), and
value rules (subnets, mask sizes, endpoints) are checked in Java. Output is deterministic: indent 2, sorted keys.
"""

import argparse
import os
import re
import sys

import schema_files

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID = "https://dualstack.github.io/schemas/kubeadm.schema.json"

# The kinds dualstack writes, per API group.
ROOTS = {
    "kubeadm.k8s.io": ["InitConfiguration", "ClusterConfiguration", "JoinConfiguration"],
    "kubeproxy.config.k8s.io": ["KubeProxyConfiguration"],
}

INT_RANGES = {"int32": (-(2 ** 31), 2 ** 31 - 1), "int64": None, "int": None, "uint16": (0, 2 ** 16 - 1),
              "uint32": (0, 2 ** 32 - 1)}
BASIC = {"string": "string", "bool": "boolean", "float32": "number", "float64": "number"}
for _n in INT_RANGES:
    BASIC[_n] = "integer"

STRING = {"type": "string"}
ANY = True
# Types of other packages: a schema, or ("inline", {json key: schema}) for a struct whose fields are inlined.
EXTERNAL = {
    "metav1.TypeMeta": {"apiVersion": STRING, "kind": STRING},
    "metav1.Duration": {"type": "string", "description": "metav1.Duration: a Go duration string such as 4m0s."},
    "corev1.PullPolicy": STRING,
    "corev1.HostPathType": STRING,
    "corev1.Taint": {"type": "object", "additionalProperties": False, "description": "corev1.Taint.",
                     "properties": {"key": STRING, "value": STRING, "effect": STRING, "timeAdded": STRING}},
    "corev1.EnvVar": {"name": STRING, "value": STRING,
                      "valueFrom": {"type": "object", "description": "corev1.EnvVarSource (not checked)."}},
    "bootstraptokenv1.BootstrapToken": {"type": "object",
                                        "description": "bootstraptokenv1.BootstrapToken (never written: a secret)."},
    "componentbaseconfigv1alpha1.ClientConnectionConfiguration": {
        "type": "object", "additionalProperties": False,
        "description": "k8s.io/component-base/config/v1alpha1 ClientConnectionConfiguration.",
        "properties": {"kubeconfig": STRING, "acceptContentTypes": STRING, "contentType": STRING,
                       "qps": {"type": "number"},
                       "burst": {"type": "integer", "minimum": -(2 ** 31), "maximum": 2 ** 31 - 1}}},
    "logsapi.LoggingConfiguration": {"type": "object",
                                     "description": "k8s.io/component-base/logs/api/v1 LoggingConfiguration (not checked)."},
}

STRUCT = re.compile(r"^type\s+(\w+)\s+struct\s*\{\s*$")
NAMED = re.compile(r"^type\s+(\w+)\s+([\w.]+)\s*$")
JSON_TAG = re.compile(r'json:"([^"]*)"')


class GoError(Exception):
    pass


def parse(path):
    """{struct name: [(json key or None for inline, go type)]} and {named type: basic type} of one file."""
    structs, named = {}, {}
    current = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if line.startswith("//"):
                continue
            if "`" in line:
                line = line[:line.rindex("`") + 1]       # drop a trailing comment after the tag
            else:
                line = line.split("//", 1)[0].strip()
            if not line:
                continue
            if current is None:
                m = STRUCT.match(line)
                if m:
                    current = m.group(1)
                    structs[current] = []
                    continue
                m = NAMED.match(line)
                if m:
                    named[m.group(1)] = m.group(2)
                continue
            if line == "}":
                current = None
                continue
            pre, _, tag = line.partition("`")
            tokens = pre.split()
            if len(tokens) == 1:
                name, go = None, tokens[0]                 # embedded
            elif len(tokens) == 2:
                name, go = tokens
            else:
                raise GoError("%s: struct %s: cannot read field line: %s" % (path, current, line))
            t = JSON_TAG.search(tag)
            key = t.group(1).split(",")[0] if t else None
            if key == "-":
                continue
            if name is None or (t is not None and key == ""):
                structs[current].append((None, go))      # embedded: inlined
            elif t is None:
                continue                                   # no json tag on a named field: not part of the format
            else:
                structs[current].append((key, go))
    return structs, named


class Api:
    def __init__(self, api, path):
        self.api = api
        self.path = path
        self.structs, self.named = parse(path)

    def schema(self, go, where):
        go = go.lstrip("*")
        if go.startswith("[]"):
            return {"type": "array", "items": self.schema(go[2:], where + "[]")}
        if go.startswith("map[string]"):
            return {"type": "object", "additionalProperties": self.schema(go[len("map[string]"):], where + "{}")}
        if go in BASIC:
            return basic(go)
        if go in self.named:
            s = basic(self.named[go])
            s["description"] = "Go type %s (%s)." % (go, self.named[go])
            return s
        if go in self.structs:
            props = {}
            self.fields(go, props, where)
            return {"type": "object", "additionalProperties": False, "properties": props,
                    "description": "Go type %s." % go}
        if go in EXTERNAL:
            ext = EXTERNAL[go]
            if "type" not in ext:
                return {"type": "object", "additionalProperties": False, "properties": dict(ext),
                        "description": "Go type %s." % go}
            return dict(ext)
        raise GoError("%s: %s: unknown Go type %s (add it to EXTERNAL)" % (self.path, where, go))

    def fields(self, struct, props, where):
        for key, go in self.structs[struct]:
            if key is None:
                base = go.lstrip("*")
                if base in self.structs:
                    self.fields(base, props, where)
                elif base in EXTERNAL and "type" not in EXTERNAL[base]:
                    props.update(EXTERNAL[base])
                else:
                    raise GoError("%s: %s: cannot inline %s" % (self.path, where, go))
                continue
            if key in props:
                raise GoError("%s: %s: duplicate key %s" % (self.path, where, key))
            props[key] = self.schema(go, where + "." + key)


def basic(go):
    s = {"type": BASIC[go]}
    rng = INT_RANGES.get(go)
    if rng:
        s["minimum"], s["maximum"] = rng
    return s


def build(pairs, note):
    properties = {}
    sources = []
    for api, path in pairs:
        group = api.split("/")[0]
        if group not in ROOTS:
            raise GoError("%s: no kinds known for API group %s" % (path, group))
        a = Api(api, path)
        for kind in ROOTS[group]:
            if kind not in a.structs:
                raise GoError("%s: no struct %s" % (path, kind))
            s = a.schema(kind, kind)
            s["description"] = "%s %s (Go type %s in %s)." % (api, kind, kind, os.path.basename(path))
            properties[api + "/" + kind] = s
        sources.append(api)
    description = ("The keys and value shapes of the kubeadm and kube-proxy configuration objects dualstack writes,"
                   " one property per apiVersion/kind, derived by schemas/tools/kubeadm-types-to-schema.py from the Go"
                   " types of " + ", ".join(sources) + ".")
    if note:
        description += " " + note
    return {"$schema": SCHEMA_DIALECT, "$id": ID, "title": "kubeadm configuration key tree",
            "description": description, "type": "object", "additionalProperties": False, "properties": properties}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                                 "kubeadm.schema.json"))
    p.add_argument("--check", action="store_true")
    p.add_argument("--note", default="")
    p.add_argument("types", nargs="+", metavar="API=TYPES.go")
    args = p.parse_args(argv)
    pairs = []
    for t in args.types:
        if "=" not in t:
            p.error("expected API=TYPES.go, got " + t)
        pairs.append(tuple(t.split("=", 1)))
    try:
        text = schema_files.render(build(pairs, args.note))
    except (GoError, OSError) as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    if schema_files.write_or_check(args.out, text, args.check):
        print("%s is stale; regenerate it" % args.out, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
