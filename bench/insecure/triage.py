#!/usr/bin/env python3
"""Gives every finding of findings.tsv a verdict and writes triage.tsv (pattern, level, path, line,
verdict, reason).

    bench/insecure/triage.py [--findings bench/insecure/findings.tsv] [--out bench/insecure/triage.tsv]

A verdict says whether the line does what the pattern claims (TP) or not (FP); whether the code is
exploitable, or a dummy value in a test, does not change it (tiers and paths decide what a finding
in a test does). The rules below were written after reading the lines: every line of the patterns
a shipped charter denies (sql-string-build, tls-verify-disabled; the three GitHub Actions and JWT
patterns found nothing) was read; for the other patterns each rule's lines were read by group and
the rule states what the group is. RULES are tried in order, first match wins; DEFAULT is the
pattern's verdict when no rule matches. `manual.tsv` (path, line, pattern, verdict, reason)
overrides both, for single lines read and judged on their own.

The GitHub Actions and JWT corpus (gha-jwt/) is triaged line by line only:
    bench/insecure/triage.py --findings bench/insecure/gha-jwt/findings.tsv \
        --manual bench/insecure/gha-jwt/manual.tsv --out bench/insecure/gha-jwt/triage.tsv \
        --only gha-script-injection,gha-pr-target-checkout,jwt-verify-disabled,jwt-decode-unverified
"""
import argparse
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))

PROSE = r"^[^#/]*\b(?:[a-z]{2,} ){4}[a-z]{2,}\b"
RULES = {
    "tls-verify-disabled": [
        (r"``|" + PROSE, "FP", "prose about the setting (docstring or message), not the setting"),
        (r"load_\w*cert", "FP", "certificate file loading, not a TLS connection"),
        (r"[\"']ssl\._create_unverified_context[\"']", "FP", "the function's name mocked in a test, not a call"),
        (r"^test \w+", "FP", "a test's description naming the option"),
    ],
    "sql-string-build": [
        (r"sourcesContent", "FP", "source map JSON, not code"),
    ],
    "hardcoded-credential": [
        (r"://[^/\s:@]+:[^/\s@]+@", "TP", "user:password in a URL (dummy or test value)"),
        (r"==\s*[\"']", "FP", "comparison, not an assignment of a credential"),
        (r"/(?:locale|locales|i18n|l10n|translations?)/|\.po$", "FP", "translated UI label", "path"),
        (r"(?i)[\"']\[?(?:FILTERED|REDACTED|MASKED|hidden|\*+)\]?[\"']", "FP", "masking placeholder"),
        (r"(?i:password|passwd|pwd|token|secret|key)\w*[\"']?\s*[:=]\s*[\"'](?:[A-Z][A-Z_]{5,}|[a-z][\w-]*(?:Pattern|Header|Name|Field|_type|_url|_path|_prefix|_suffix|_name|-name|_field|keep-alive)|string)[\"']",
         "FP", "an identifier, key name or label as the value, not a credential"),
        (r"(?i:password|token|secret)\w*[\"']?\s*[:=]\s*[\"'][^\"']*[\u0080-\uffff][^\"']*[\"']", "FP", "non-ASCII label (a translation), not a credential"),
        (r"<span|<div|<pre", "TP", "credential in an HTML documentation example (dummy)"),
        (r"://", "TP", "user:password in a URL (dummy or test value)"),
        (r"-----BEGIN", "TP", "private key block"),
        (r"/(?:tests?|testing|spec|fixtures|testdata|__tests__)/|_test\.|test_", "TP", "dummy credential literal in a test", "path"),
    ],
    "pickle-loads": [
        (r"^\s*(?:from|import)\s", "FP", "an import, not a load"),
    ],
    "eval-exec-input": [
        (r"\(:eval\b|'eval\b|defun [\w-]*eval", "FP", "Emacs Lisp mode-line `:eval` form or a symbol/definition, not eval of input", ),
        (r"->eval\(|redis\S*\.eval\(", "FP", "Redis EVAL of a server-side Lua script"),
    ],
    "shell-injection": [
        (r"shell\s*=\s*True", "TP", "shell=True with a command that is not a constant"),
        (r"\bexec\s*\(\s*\"(?:NOTIFY|LISTEN|UNLISTEN|SET)\b", "FP", "database exec of SQL, not a shell"),
        (r"^\(?`[^`]*`\s*(?:[a-z]+ |\)?\.$|\)\.)", "FP", "a Markdown code span in prose (a heredoc or comment), not a command"),
    ],
    "chmod-777": [
        (r"&\s*0?7777|0o?7777\b", "FP", "a permission-bit mask, not a mode being set"),
        (r"Fatalf|assert\w*\(.*\"[^\"]*chmod 777", "FP", "a message naming the command"),
    ],
    "db-grant-all": [
        (r"\.po$", "FP", "translation catalogue text", "path"),
        (r"``|msgid|msgstr|trans\b|__\(", "FP", "prose or a UI label, not a GRANT"),
        (r"grant-all-permissions|--grant-all", "FP", "a CLI flag name, not SQL"),
    ],
    "weak-hash-password": [
        (r"function_exists|'message'|insert_str\(0, \"md5\"\)|server stores", "FP", "a feature check, label or comment, not hashing a password"),
    ],
    "privileged-container": [
        (r"COMPREPLY|compgen|echo >&2|might break", "FP", "shell completion list or a message, not a container setting"),
        (r"antiResourceLocking|<Context", "FP", "Tomcat's Context `privileged` attribute, not a container"),
    ],
    "weak-tls-protocol": [
        (r"``|docs\.python\.org|has been changed", "FP", "prose or a documentation link"),
        (r"(?:final String|^\s*[A-Z_0-9]+\s*=)\s*\"(?:SSLv[23]|TLSv1(?:\.[01])?)\"|^\s*\"(?:SSLv[23]|TLSv1(?:\.[01])?)\",?\s*$", "FP", "a protocol-name constant or enum value, not enabling it"),
        (r"contains\(\"SSLv|doTestIgnoreProtocol|testSpecification", "FP", "a check or test of the name, not enabling it"),
    ],
    "cors-wildcard": [
        (r"instead\"|with `Access-Control", "FP", "a message or doc text"),
    ],
    "curl-pipe-shell": [
        (r"RewriteCond|HTTP_USER_AGENT", "FP", "a user-agent regex naming curl and wget"),
    ],
}
# Minified bundle lines (one `"use strict";…` line of a whole module): the match sits in a table or
# enum of the bundled code; not verified line by line, so counted against the pattern.
MINIFIED = (r"^\"use strict\";|^`\)\)|webpackChunk", "FP", "minified bundle line; the match is in bundled tables, not verified")
DEFAULT = {
    "sql-string-build": ("TP", "SQL text built from interpolated or concatenated values"),
    "tls-verify-disabled": ("TP", "turns certificate verification off (a code path, option or command)"),
    "hardcoded-credential": ("TP", "credential literal assigned in code or config (dummy or real)"),
    "pickle-loads": ("TP", "unpickles / unmarshals data"),
    "eval-exec-input": ("TP", "eval/exec of a non-literal"),
    "shell-injection": ("TP", "command handed to a shell with a non-constant part"),
    "chmod-777": ("TP", "world-writable mode set"),
    "db-grant-all": ("TP", "GRANT ALL / ALL PRIVILEGES"),
    "yaml-unsafe-load": ("TP", "yaml.load without a safe loader"),
    "weak-hash-password": ("TP", "weak hash used for a password or secret"),
    "privileged-container": ("TP", "privileged container or host namespace"),
    "weak-tls-protocol": ("TP", "old TLS/SSL protocol version enabled"),
    "cors-wildcard": ("TP", "CORS allows any origin"),
    "debug-true": ("TP", "debug mode switched on"),
    "curl-pipe-shell": ("TP", "download piped into a shell"),
    "jwt-decode-unverified": ("TP", "token decoded without verifying its signature or expiry"),
    "wildcard-iam": ("TP", "IAM wildcard action or resource"),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--findings", default=os.path.join(HERE, "findings.tsv"))
    ap.add_argument("--out", default=os.path.join(HERE, "triage.tsv"))
    ap.add_argument("--manual", default=os.path.join(HERE, "manual.tsv"))
    ap.add_argument("--only", help="comma-separated patterns: keep only their findings, and require "
                    "a manual verdict (a line read and judged) for every one of them")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    manual = {}
    if os.path.exists(a.manual):
        with open(a.manual) as f:
            next(f)
            for line in f:
                path, ln, pattern, verdict, reason = line.rstrip("\n").split("\t")
                manual[(path, ln, pattern)] = (verdict, reason)
    out = []
    with open(a.findings) as f:
        next(f)
        for line in f:
            _pkg, pattern, level, path, ln, text = line.rstrip("\n").split("\t", 5)
            verdict = manual.get((path, ln, pattern))
            if only is not None:
                if pattern not in only:
                    continue
                if verdict is None:
                    raise SystemExit(f"no verdict in {a.manual} for {path}:{ln} ({pattern})")
                out.append((pattern, level, path, ln) + verdict)
                continue
            if verdict is None and re.search(MINIFIED[0], text):
                verdict = MINIFIED[1:]
            if verdict is None:
                for rule in RULES.get(pattern, []):
                    rx, v, why = rule[:3]
                    hay = path if len(rule) > 3 else text
                    if re.search(rx, hay):
                        verdict = (v, why)
                        break
            if verdict is None:
                verdict = DEFAULT.get(pattern, ("TP", "matches the pattern's claim"))
            out.append((pattern, level, path, ln) + verdict)
    with open(a.out, "w") as f:
        f.write("pattern\tlevel\tpath\tline\tverdict\treason\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print(f"{len(out)} findings triaged -> {a.out}")


if __name__ == "__main__":
    main()
