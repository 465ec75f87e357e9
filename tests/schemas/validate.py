#!/usr/bin/env python3
"""Validate NDJSON records against pulse's JSON Schemas (schemas/KIND.schema.json).

    validate.py SCHEMA_DIR FILE...

Each record is checked against the schema of its "kind" (draft 2020-12).
Prints the errors (at most three per record) and a summary line; exits 1
when any record is invalid or has a kind without a schema.
"""
import json
import os
import sys

from jsonschema import Draft202012Validator


def main():
    schema_dir, paths = sys.argv[1], sys.argv[2:]
    validators, counts = {}, {}
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                rec = json.loads(line)
                kind = rec.get("kind", "(none)")
                if kind not in validators:
                    file = os.path.join(schema_dir, f"{kind}.schema.json")
                    if not os.path.exists(file):
                        print(f"{path}:{lineno}: no schema for kind '{kind}'")
                        bad += 1
                        validators[kind] = None
                        continue
                    with open(file, encoding="utf-8") as s:
                        schema = json.load(s)
                    Draft202012Validator.check_schema(schema)
                    validators[kind] = Draft202012Validator(schema)
                if validators[kind] is None:
                    continue
                counts[kind] = counts.get(kind, 0) + 1
                for err in list(validators[kind].iter_errors(rec))[:3]:
                    bad += 1
                    where = "/".join(str(p) for p in err.absolute_path)
                    print(f"{path}:{lineno}: {kind} {where}: {err.message[:160]}")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    print(f"valid: {summary}; {bad} errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
