#!/usr/bin/env python3
"""`make lint`: no import cycle between the modules of app/src, and no feature using
another feature's private server code.

A module here is a source file, together with the folder of the same name beside it
when the file was cut into one (`ssr.rs` + `ssr/`: one module, its children share its
imports through `use super::*`). An edge A -> B is a path in A's code that names an
item of B (`crate::people::access::find_person`, `super::model::Gender`). A cycle is a
set of modules that reach each other through such edges: the script prints every one
and fails. Test code is left out (a file's `#[cfg(test)] mod …` at its end, and the
test-only modules `testing` and `fuzz_properties`): a test may use anything.

A feature is a folder of app/src (`people`, `forum`, ...). What it declares
`pub(crate)` in its server code is its own: another feature that names such an item
fails the check too; it uses the feature's `pub` items (its `access.rs`, its server
functions' helpers), which the feature keeps stable for others.

And every submit button is the shared `ui::submit::Submit` (busy while its action runs,
a toast after a success): a `type="submit"` written anywhere else fails.
"""
import os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SRC = os.path.join(ROOT, 'app', 'src')

def module_path(file):
    rel = os.path.relpath(file, SRC)[:-3].split(os.sep)
    if rel[-1] in ('mod', 'lib'):
        rel = rel[:-1]
    return rel

files = []
for dirpath, _, names in os.walk(SRC):
    for name in names:
        if name.endswith('.rs'):
            files.append(os.path.join(dirpath, name))

# The unit of a module: its shortest prefix that is a file of its own (not a folder's
# mod.rs), so that a file cut into a folder stays one module.
file_modules = {tuple(module_path(f)) for f in files}
dir_modules = {tuple(module_path(f)) for f in files if os.path.basename(f) in ('mod.rs', 'lib.rs')}

def unit_of(path):
    for n in range(1, len(path) + 1):
        prefix = tuple(path[:n])
        if prefix in file_modules and prefix not in dir_modules:
            return prefix
    return tuple(path)

def resolve(path):
    """The unit a `crate::…` path names: the longest prefix that is a module."""
    best = ()
    for n in range(1, len(path) + 1):
        if tuple(path[:n]) in file_modules:
            best = tuple(path[:n])
    return unit_of(best) if best else None

PATH = re.compile(r'\b(crate|super|self)((?:::\w+)+)')
USE_BLOCK = re.compile(r'\buse\s+(crate|super|self)((?:::\w+)*)::\{([^;]*)\};', re.S)
COMMENT = re.compile(r'//[^\n]*')
TESTS = re.compile(r'^\s*#\[cfg\((?:all\()?test\b[^\n]*\n\s*(?:pub(?:\([^)]*\))? )?mod ', re.M)
TEST_ONLY = {('testing',), ('fuzz_properties',)}

edges = {}
named = []
for file in files:
    here = module_path(file)
    if tuple(here) in TEST_ONLY:
        continue
    source = open(file, encoding='utf-8').read()
    tests = TESTS.search(source)
    if tests:
        source = source[:tests.start()]
    source = COMMENT.sub('', source)
    # `mod x;` declarations are not edges; `use super::*` into the parent unit is not one.
    found = []
    for root, rest, inner in USE_BLOCK.findall(source):
        for name in re.split(r'[,\s{}]+', inner):
            if name and name not in ('self', '*'):
                found.append((root, rest + '::' + name))
        found.append((root, rest))
    for root, rest in PATH.findall(USE_BLOCK.sub('', source)):
        found.append((root, rest))
    source_unit = unit_of(here)
    for root, rest in found:
        named.append((source_unit, root, rest, tuple(here)))
        parts = [p for p in rest.split('::') if p]
        if root == 'crate':
            target = parts
        else:
            base = list(here)
            while parts and parts[0] == 'super':
                parts = parts[1:]
            if root == 'super':
                base = base[:-1]
                while rest.startswith('::super'):
                    rest = rest[len('::super'):]
                    base = base[:-1]
            target = base + parts
        unit = resolve(target)
        # Entities name each other in their relations (SeaORM's `Related`): they are the
        # tables' declarations, not code that can be layered.
        if unit and unit[0] == 'entity' and source_unit[0] == 'entity':
            continue
        if unit and unit != source_unit and not (len(unit) < len(source_unit) and source_unit[:len(unit)] == unit):
            edges.setdefault(source_unit, set()).add(unit)

# Tarjan's strongly connected components.
index, low, stack, on_stack, sccs = {}, {}, [], set(), []
def strongconnect(v, counter=[0]):
    index[v] = low[v] = counter[0]; counter[0] += 1
    stack.append(v); on_stack.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            strongconnect(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop(); on_stack.discard(w); component.append(w)
            if w == v:
                break
        if len(component) > 1:
            sccs.append(sorted('::'.join(m) for m in component))
sys.setrecursionlimit(10000)
for v in sorted(set(edges) | {w for ws in edges.values() for w in ws}):
    if v not in index:
        strongconnect(v)

# Items a feature keeps to itself: `pub(crate)` in its server code.
DECL = re.compile(r'pub\(crate\)\s+(?:async\s+)?(?:fn|struct|enum|const|type|trait)\s+(\w+)')
own = {}
for file in files:
    path = module_path(file)
    if len(path) > 1 and any(part == 'ssr' or part.endswith('_ssr') for part in path) or \
            os.path.basename(file) in ('access.rs', 'lookups.rs', 'guard.rs'):
        unit = unit_of(path)
        for name in DECL.findall(open(file, encoding='utf-8').read()):
            own.setdefault(unit, set()).add(name)
private_uses = set()
for source_unit, root, rest, here in named:
    if root != 'crate':
        continue
    parts = [p for p in rest.split('::') if p]
    if len(parts) < 2:
        continue
    unit = resolve(parts[:-1])
    if unit and unit[0] != source_unit[0] and parts[-1] in own.get(unit, ()):
        private_uses.add(('::'.join(source_unit), '::'.join(unit), parts[-1]))
for source, target, name in sorted(private_uses):
    print(f'{source} uses {target}::{name}, which {target.split("::")[0]} keeps to itself '
          '(pub(crate)): make it pub in the feature\'s access.rs or server code, or do not use it')
if '--print' in sys.argv:
    for c in sorted(sccs):
        print(' '.join(c))
    sys.exit(0)
for c in sorted(sccs):
    print('import cycle between modules of app/src (make the imports point one way):\n  '
          + ' <-> '.join(c))
hand_made_submits = []
for file in files:
    if os.path.relpath(file, SRC) == os.path.join('ui', 'submit.rs'):
        continue
    for number, line in enumerate(open(file, encoding='utf-8'), 1):
        if 'type="submit"' in line:
            hand_made_submits.append(f'{os.path.relpath(file, ROOT)}:{number}')
for place in hand_made_submits:
    print(f'{place}: a submit button written by hand; use ui::submit::Submit')
sys.exit(1 if sccs or private_uses or hand_made_submits else 0)
