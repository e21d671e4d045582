#!/usr/bin/env python3
"""Prints the `sql-string-build` patterns of rules/insecure/code.yaml.

The patterns need SQL structure, not a leading English word: `SELECT <columns> FROM <table>`
followed by a clause or the end of the text, `UPDATE <table> SET <col> =`, `INSERT INTO <table>`
followed by `(`, VALUES, SELECT or the end of the text, `DELETE FROM <table>` followed by a clause
or the end. The statement keyword is all capitals or all lower case (`Select an option from the
menu` is a sentence); column lists are comma-separated single tokens (`an option` is two words).
Edit this file, run it, and paste its output over the rule's `patterns:`.
"""

def K(w):
    return f"(?:{w.upper()}|{w.lower()})"

def quoted(q):
    """Identifier quotes other than the literal's own (`"users"` in a template, `` `id` `` in "…")."""
    return "".join(c for c in "\"`" if c != q)


def tok(q):
    # a column: word characters, `.`, `*`, interpolations (`{x}`, `${x}`, `#{x}`, `$x->y`, `%s`)
    return rf"(?:[\w.*$%?{{}}()\[\]#{quoted(q)}]|->)+"


def tbl(q):
    return rf"(?:[\w.$%?{{}}()\[\]#{quoted(q)}]|->)+"


def cols(q):
    expr = rf"{tok(q)}(?:\s+(?i:as)\s+\w+)?"
    return rf"(?:(?i:distinct)\s+)?{expr}(?:\s*,\s*{expr})*"

CLAUSE = r"(?i:where|join|inner|left|right|full|cross|natural|group|order|limit|offset|having|union)\b"


def core(q):
    TBL, COLS = tbl(q), cols(q)
    after = rf"(?:(?:\s+(?:(?i:as)\s+)?\w+)?\s+{CLAUSE}|\s*(?:$|[{q};),]))"
    sel = rf"{K('select')}\s+{COLS}\s+(?i:from)\s+{TBL}{after}"
    upd = rf"{K('update')}\s+{TBL}\s+(?i:set)\s+{TBL}\s*="
    ins = rf"{K('insert')}\s+(?i:into)\s+{TBL}(?:\s*\(|\s+(?i:values|select|set|default)\b|\s*{q})"
    dele = rf"{K('delete')}\s+(?i:from)\s+{TBL}{after}"
    return rf"(?:{sel}|{upd}|{ins}|{dele})"


def open_end(q):
    """A literal ending right after FROM or INTO, continued by a value: `"SELECT * FROM " + t`."""
    COLS = cols(q)
    head = rf"(?:{K('select')}\s+{COLS}\s+(?i:from)|{K('insert')}\s+(?i:into)|{K('delete')}\s+(?i:from))"
    return rf"{q}[^{q}]*?{head}\s*{q}\s*\+\s*[\w(]"


def lit(q):
    """A literal opened by `q` holding a statement (the rest of the literal is not consumed)."""
    return rf"{q}[^{q}]*?{core(q)}"


def whole(q):
    """The literal to its closing quote; `\\'` inside it does not close it."""
    return rf"{lit(q)}(?:[^{q}\\]|\\.)*{q}"


# `unless` regexes: the line's literals of that kind hold no interpolation (the reported literal
# must be the one interpolated, not a constant next to a `$x` or `{}` elsewhere on the line).
NO_BRACE = r"^(?:[^\"']|\"[^\"{]*\"|'[^'{]*')*$"
NO_DOLLAR_DQ = r"^(?:[^\"]|\"(?:[^\"$\\]|\\.|\$[^\w{])*\")*$"  # PHP interpolates `$name`, `{$x}`
NO_HASH_BRACE_DQ = r"^(?:[^\"]|\"(?:[^\"#]|#[^{\"])*\")*$"
NO_BRACE_DQ = r"^(?:[^\"]|\"[^\"{]*\")*$"
NO_PERCENT = r"^(?:[^\"`]|\"[^\"%]*\"|`[^`%]*`)*$"
NO_BRACE, NO_DOLLAR_DQ, NO_HASH_BRACE_DQ, NO_BRACE_DQ, NO_PERCENT = (
    r.replace('\\"', '"') for r in (NO_BRACE, NO_DOLLAR_DQ, NO_HASH_BRACE_DQ, NO_BRACE_DQ, NO_PERCENT))
PATTERNS = [
    ("concatenation, double quotes: \"SELECT … WHERE id = \" + id", rf"{whole(chr(34))}\s*\+\s*[\w(]|{open_end(chr(34))}", None, None),
    ("concatenation, single quotes", rf"{whole(chr(39))}\s*\+\s*[\w(]|{open_end(chr(39))}", None, None),
    ("JS template literal with ${} (tagged sql`` templates are parameterised)", lit("`"),
     r"\b(?:sql|SQL|Prisma\.sql|\$queryRaw|\$executeRaw)\s*`|^(?:[^`]|`(?:[^`$]|\$[^{`])*`)*$|^(?:[^$]|\$[^{])*$", None),
    ("Python f-string", rf"\b(?:[fF][rR]?|[rR][fF])(?:{lit(chr(34))}|{lit(chr(39))})", NO_BRACE, None),
    ("Python % formatting", rf"(?:{whole(chr(34))}|{whole(chr(39))})\s*%\s*[\w(]", None, None),
    ("str.format", rf"(?:{whole(chr(34))}|{whole(chr(39))})\s*\.format\s*\(", NO_BRACE, None),
    ("C# $\"…{x}\"", rf"\$@?{lit(chr(34))}", NO_BRACE_DQ, '["**/*.{cs,vb}"]'),
    ("Ruby \"…#{x}\"", lit(chr(34)), NO_HASH_BRACE_DQ, '["**/*.{rb,rake}"]'),
    ("PHP \"…$x\"", lit(chr(34)), NO_DOLLAR_DQ, '["**/*.php"]'),
    ("Go fmt.Sprintf, Java String.format", rf"\b(?:Sprintf|String\.format)\s*\(\s*(?:{lit(chr(34))}|{lit('`')})", NO_PERCENT, None),
]


def y(s):
    return "'" + s.replace("'", "''") + "'"


for name, rx, unless, paths in PATTERNS:
    print(f"      # {name}")
    print(f"      - regex: {y(rx)}")
    if unless:
        print(f"        unless: {y(unless)}")
    if paths:
        print(f"        paths: {paths}")
