//! Recursion check over the parsed modules, before anything is evaluated: OPA rejects recursion when
//! it compiles, while regorus would follow it until the stack overflows. Every rule and function of
//! every loaded module is a node; every reference to a rule, by bare name, through an import, or as
//! a `data.` path (a dynamic `data.x[y]` stands for everything under `data.x`), is an edge; only
//! `data` itself, read whole or by a dynamic key, is not.
//! Over-approximate by design: a local variable named like a rule adds an edge, never removes one.

use regorus::unstable::{Expr, Literal, Module, Query, Rule, RuleHead};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One rule or function (all its definitions): its full path and where it is first defined.
struct Node {
    path: String,
    origin: String,
    line: u32,
    function: bool,
}

/// A cycle of rules or functions, if any: `(origin:line of its first member, message)`.
pub fn find_recursion(modules: &[impl AsRef<Module>]) -> Option<(String, String)> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    // Per module: its package path, its import aliases, and the rules it defines (node, rule).
    let mut per_module = Vec::new();
    for m in modules {
        let m = m.as_ref();
        let package = match chain(&m.package.refr) {
            Some((root, segs, _)) => {
                let mut p = vec!["data".to_string(), root];
                p.extend(segs);
                p
            }
            None => continue,
        };
        let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
        for import in &m.imports {
            let Some((root, segs, _)) = chain(&import.refr) else {
                continue;
            };
            if root != "data" || segs.is_empty() {
                continue;
            }
            let alias = match &import.r#as {
                Some(span) => span.text().to_string(),
                None => segs.last().cloned().unwrap_or_default(),
            };
            let mut path = vec![root];
            path.extend(segs);
            aliases.insert(alias, path);
        }
        let mut names = BTreeSet::new();
        let mut rules = Vec::new();
        for rule in &m.policy {
            let (refr, function) = match rule.as_ref() {
                Rule::Spec { head, .. } => match head {
                    RuleHead::Compr { refr, .. } | RuleHead::Set { refr, .. } => (refr, false),
                    RuleHead::Func { refr, .. } => (refr, true),
                },
                Rule::Default { refr, args, .. } => (refr, !args.is_empty()),
            };
            let Some((root, segs, _)) = chain(refr) else {
                continue;
            };
            names.insert(root.clone());
            let mut path = package.clone();
            path.push(root);
            path.extend(segs);
            let key = path.join(".");
            let id = *index.entry(key.clone()).or_insert_with(|| {
                let span = rule.span();
                nodes.push(Node {
                    path: key,
                    origin: span.source.file().clone(),
                    line: span.line,
                    function,
                });
                nodes.len() - 1
            });
            rules.push((id, rule.clone()));
        }
        per_module.push((package, aliases, names, rules));
    }

    let mut edges: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); nodes.len()];
    for (package, aliases, names, rules) in &per_module {
        let resolve = |root: &str, segs: Vec<String>| -> Option<Vec<String>> {
            let mut path = if root == "data" && segs.is_empty() {
                // The whole document (`object.get(data, [...])`, `data[k]`) is how policies read
                // the charter; an edge to every rule would reject them. The worker's stack guard
                // stops a recursion hidden this way.
                return None;
            } else if root == "data" {
                vec!["data".to_string()]
            } else if let Some(p) = aliases.get(root) {
                p.clone()
            } else if names.contains(root) {
                let mut p = package.clone();
                p.push(root.to_string());
                p
            } else {
                return None;
            };
            path.extend(segs);
            Some(path)
        };
        for (id, rule) in rules {
            for path in references(rule)
                .into_iter()
                .filter_map(|(r, s)| resolve(&r, s))
            {
                depends_on(&path, &index, &mut edges[*id]);
            }
        }
    }
    cycle(&nodes, &edges)
}

/// Every node whose path is `path`, lies under it, or contains it.
fn depends_on(path: &[String], index: &BTreeMap<String, usize>, out: &mut BTreeSet<usize>) {
    let key = path.join(".");
    if let Some(&id) = index.get(&key) {
        out.insert(id);
    }
    let under = format!("{key}.");
    out.extend(
        index
            .range(under.clone()..)
            .take_while(|(k, _)| k.starts_with(&under))
            .map(|(_, &id)| id),
    );
    for n in 1..path.len() {
        if let Some(&id) = index.get(&path[..n].join(".")) {
            out.insert(id);
        }
    }
}

/// A reference chain `root.a["b"].c`: its root variable, its static segments (up to the first
/// dynamic index), and the dynamic index expressions (to be searched for references themselves).
fn chain(e: &Expr) -> Option<(String, Vec<String>, Vec<&Expr>)> {
    let mut segs: Vec<String> = Vec::new();
    let mut dynamic = Vec::new();
    let mut at = e;
    loop {
        match at {
            Expr::Var { value, .. } => {
                let root = value.as_string().ok()?.to_string();
                segs.reverse();
                return Some((root, segs, dynamic));
            }
            Expr::RefDot { refr, field, .. } => {
                segs.push(field.1.as_string().ok()?.to_string());
                at = refr;
            }
            Expr::RefBrack { refr, index, .. } => {
                match index.as_ref() {
                    Expr::String { value, .. } | Expr::RawString { value, .. } => {
                        segs.push(value.as_string().ok()?.to_string());
                    }
                    other => {
                        // Everything after a dynamic index is unknown: keep the prefix only.
                        segs.clear();
                        dynamic.push(other);
                    }
                }
                at = refr;
            }
            _ => return None,
        }
    }
}

/// Every reference chain in a rule: `(root variable, static segments)`. Iterative: a hostile module
/// must not overflow the stack here either.
fn references<'a>(rule: &'a Rule) -> Vec<(String, Vec<String>)> {
    enum Item<'a> {
        E(&'a Expr),
        Q(&'a Query),
    }
    let mut stack: Vec<Item<'_>> = Vec::new();
    // The rule's own head names the rule, it does not read it: only its dynamic keys are searched.
    let head_keys = |refr: &'a Expr| chain(refr).map(|(_, _, d)| d).unwrap_or_default();
    match rule {
        Rule::Spec { head, bodies, .. } => {
            match head {
                RuleHead::Compr { refr, assign, .. } => {
                    stack.extend(head_keys(refr).into_iter().map(Item::E));
                    stack.extend(assign.iter().map(|a| Item::E(&a.value)));
                }
                RuleHead::Set { refr, key, .. } => {
                    stack.extend(head_keys(refr).into_iter().map(Item::E));
                    stack.extend(key.iter().map(|k| Item::E(k)));
                }
                RuleHead::Func { refr, assign, .. } => {
                    stack.extend(head_keys(refr).into_iter().map(Item::E));
                    stack.extend(assign.iter().map(|a| Item::E(&a.value)));
                }
            }
            for b in bodies {
                stack.extend(b.assign.iter().map(|a| Item::E(&a.value)));
                stack.push(Item::Q(&b.query));
            }
        }
        Rule::Default { value, .. } => stack.push(Item::E(value)),
    }
    let mut out = Vec::new();
    while let Some(item) = stack.pop() {
        let e = match item {
            Item::Q(q) => {
                for s in &q.stmts {
                    stack.extend(s.with_mods.iter().map(|w| Item::E(&w.r#as)));
                    match &s.literal {
                        Literal::SomeVars { .. } => {}
                        Literal::SomeIn {
                            key,
                            value,
                            collection,
                            ..
                        } => {
                            stack.extend(key.iter().map(|k| Item::E(k)));
                            stack.push(Item::E(value));
                            stack.push(Item::E(collection));
                        }
                        Literal::Expr { expr, .. } | Literal::NotExpr { expr, .. } => {
                            stack.push(Item::E(expr))
                        }
                        Literal::Every { domain, query, .. } => {
                            stack.push(Item::E(domain));
                            stack.push(Item::Q(query));
                        }
                    }
                }
                continue;
            }
            Item::E(e) => e,
        };
        match e {
            Expr::String { .. }
            | Expr::RawString { .. }
            | Expr::Number { .. }
            | Expr::Bool { .. }
            | Expr::Null { .. } => {}
            Expr::Var { .. } | Expr::RefDot { .. } | Expr::RefBrack { .. } => {
                if let Some((root, segs, dynamic)) = chain(e) {
                    out.push((root, segs));
                    stack.extend(dynamic.into_iter().map(Item::E));
                } else if let Expr::RefDot { refr, .. } | Expr::RefBrack { refr, .. } = e {
                    // A reference into a call's result or a literal: `f(x).y`, `[1][i]`.
                    stack.push(Item::E(refr));
                    if let Expr::RefBrack { index, .. } = e {
                        stack.push(Item::E(index));
                    }
                }
            }
            Expr::Array { items, .. } | Expr::Set { items, .. } => {
                stack.extend(items.iter().map(|i| Item::E(i)))
            }
            Expr::Object { fields, .. } => {
                for (_, k, v) in fields {
                    stack.push(Item::E(k));
                    stack.push(Item::E(v));
                }
            }
            Expr::ArrayCompr { term, query, .. } | Expr::SetCompr { term, query, .. } => {
                stack.push(Item::E(term));
                stack.push(Item::Q(query));
            }
            Expr::ObjectCompr {
                key, value, query, ..
            } => {
                stack.push(Item::E(key));
                stack.push(Item::E(value));
                stack.push(Item::Q(query));
            }
            Expr::Call { fcn, params, .. } => {
                stack.push(Item::E(fcn));
                stack.extend(params.iter().map(|p| Item::E(p)));
            }
            Expr::UnaryExpr { expr, .. } => stack.push(Item::E(expr)),
            Expr::BinExpr { lhs, rhs, .. }
            | Expr::BoolExpr { lhs, rhs, .. }
            | Expr::ArithExpr { lhs, rhs, .. }
            | Expr::AssignExpr { lhs, rhs, .. } => {
                stack.push(Item::E(lhs));
                stack.push(Item::E(rhs));
            }
            Expr::Membership {
                key,
                value,
                collection,
                ..
            } => {
                stack.extend(key.iter().map(|k| Item::E(k)));
                stack.push(Item::E(value));
                stack.push(Item::E(collection));
            }
        }
    }
    out
}

/// A cycle in the graph, reported from its member defined first (by file, then line).
fn cycle(nodes: &[Node], edges: &[BTreeSet<usize>]) -> Option<(String, String)> {
    // Peel off every node that reaches no cycle (Kahn's algorithm on out-degrees): what remains has
    // an edge to another remaining node, so a walk through it must come back on itself.
    let mut out_degree: Vec<usize> = edges.iter().map(BTreeSet::len).collect();
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (from, tos) in edges.iter().enumerate() {
        for &to in tos {
            preds[to].push(from);
        }
    }
    let mut done: Vec<usize> = (0..nodes.len()).filter(|&n| out_degree[n] == 0).collect();
    let mut removed = vec![false; nodes.len()];
    while let Some(n) = done.pop() {
        removed[n] = true;
        for &p in &preds[n] {
            out_degree[p] -= 1;
            if out_degree[p] == 0 {
                done.push(p);
            }
        }
    }
    let start = (0..nodes.len()).find(|&n| !removed[n])?;
    let mut seen = HashMap::new();
    let mut walk = vec![start];
    let mut at = start;
    loop {
        seen.insert(at, walk.len() - 1);
        at = *edges[at].iter().find(|&&t| !removed[t])?;
        if let Some(&from) = seen.get(&at) {
            let mut members = walk[from..].to_vec();
            let first = (0..members.len())
                .min_by_key(|&i| (&nodes[members[i]].origin, nodes[members[i]].line))
                .unwrap_or(0);
            members.rotate_left(first);
            let head = &nodes[members[0]];
            let origin = format!("{}:{}", head.origin, head.line);
            let message = if members.len() == 1 {
                let kind = if head.function { "function" } else { "rule" };
                format!(
                    "{kind} `{}` calls itself (recursion is not allowed in Rego)",
                    head.path
                )
            } else {
                let mut steps: Vec<String> = members
                    .iter()
                    .map(|&m| {
                        format!(
                            "`{}` ({}:{})",
                            nodes[m].path, nodes[m].origin, nodes[m].line
                        )
                    })
                    .collect();
                steps.push(format!("`{}`", head.path));
                format!(
                    "recursion: {} (recursion is not allowed in Rego)",
                    steps.join(" calls ")
                )
            };
            return Some((origin, message));
        }
        walk.push(at);
    }
}

#[cfg(test)]
mod tests {
    use super::find_recursion;

    fn check(files: &[(&str, &str)]) -> Option<(String, String)> {
        let mut engine = regorus::Engine::new();
        engine.set_rego_v0(false);
        for (name, text) in files {
            engine
                .add_policy((*name).to_string(), (*text).to_string())
                .unwrap();
        }
        find_recursion(engine.get_modules())
    }

    #[test]
    fn direct_recursion_names_the_function_and_its_line() {
        let (origin, message) =
            check(&[("p.rego", "package p\n\nf(n) := x if {\n\tx := f(n)\n}\n")]).unwrap();
        assert_eq!(origin, "p.rego:3");
        assert!(message.contains("`data.p.f` calls itself"), "{message}");
    }

    #[test]
    fn recursion_across_packages_through_imports_is_found() {
        let a = "package a\nimport data.b\nf(n) := b.g(n)\n";
        let b = "package b\nimport data.a as other\ng(n) := other.f(n)\n";
        let (origin, message) = check(&[("a.rego", a), ("b.rego", b)]).unwrap();
        assert_eq!(origin, "a.rego:3");
        assert!(message.contains("`data.a.f`"), "{message}");
        assert!(message.contains("`data.b.g` (b.rego:3)"), "{message}");
    }

    #[test]
    fn recursion_through_data_references_and_rule_cycles_is_found() {
        assert!(check(&[("c.rego", "package c\nf(n) := data.c.f(n)\n")]).is_some());
        assert!(check(&[("e.rego", "package e\nr := data.e.s\ns := data.e.r\n")]).is_some());
        assert!(check(&[("e.rego", "package e\nr := s + 1\ns := r\n")]).is_some());
        // A dynamic reference into the package includes the rule itself.
        let dynamic = "package d\nx contains k if {\n  some k, _ in data.d[\"x\"]\n}\n";
        assert!(check(&[("d.rego", dynamic)]).is_some());
        let indented = "package i\n  f(n) := x if {\n    x := f(n)\n  }\n";
        assert!(check(&[("i.rego", indented)]).is_some());
    }

    #[test]
    fn ordinary_calls_and_data_reads_are_not_recursion() {
        let lib = "package lib\nf(n) := n * 2\nlimit := data.charter.limits.max\n";
        let p = "package p\nimport data.lib\n\nf(n) := lib.f(n) + g(n)\n\ng(n) := n * 2 # f(n)\n\ndeny contains m if {\n  m := f(1)\n  lib.limit > 0\n  x := [y | some y in numbers.range(1, 3)]\n  count(x) > 0\n}\n";
        assert_eq!(check(&[("lib.rego", lib), ("p.rego", p)]), None);
    }

    #[test]
    fn the_builtin_policies_have_no_recursion() {
        let sources = super::super::builtin_sources();
        let files: Vec<(&str, &str)> = sources
            .iter()
            .map(|s| (s.origin.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(check(&files), None);
    }
}

/// How deeply brackets (`(`, `[`, `{`) may nest in a policy file. regorus's parser backtracks at
/// each `[` and `{` (array or comprehension, set or object), so its time doubles per level: depth 22
/// took 2.5 s and depth 30 over 20 s. Policies people write stay well under this.
pub const MAX_NESTING: usize = 16;

/// The line of the first bracket that nests deeper than `MAX_NESTING`, outside strings and comments.
pub fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        match b {
            b'\n' => line += 1,
            b'#' => {
                for c in bytes.by_ref() {
                    if c == b'\n' {
                        line += 1;
                        break;
                    }
                }
            }
            b'"' => {
                while let Some(c) = bytes.next() {
                    match c {
                        b'\\' => {
                            bytes.next();
                        }
                        b'"' | b'\n' => {
                            line += usize::from(c == b'\n');
                            break;
                        }
                        _ => {}
                    }
                }
            }
            b'`' => {
                for c in bytes.by_ref() {
                    if c == b'\n' {
                        line += 1;
                    } else if c == b'`' {
                        break;
                    }
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(line);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod nesting_tests {
    use super::{MAX_NESTING, too_deep};

    #[test]
    fn nesting_past_the_cap_is_found_on_its_line_and_strings_do_not_count() {
        let deep = format!("package p\n\nx := {}1{}\n", "[".repeat(30), "]".repeat(30));
        assert_eq!(too_deep(&deep), Some(3));
        let ok = format!(
            "package p\nx := {}1{}\n",
            "[".repeat(MAX_NESTING),
            "]".repeat(MAX_NESTING)
        );
        assert_eq!(too_deep(&ok), None);
        let quoted = format!(
            "package p\n# {}\ns := \"{}\\\"\"\nr := `{}`\n",
            "[".repeat(40),
            "{".repeat(40),
            "(".repeat(40)
        );
        assert_eq!(too_deep(&quoted), None);
    }
}
