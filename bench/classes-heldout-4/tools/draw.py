# bench/classes-heldout-4: extract, inventory, draw and copy with the shared bench/heldout_tools.
# Downloads (tools/download.sh) under /work/data/heldout4. Usage: draw.py [labels [--prune]]
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'heldout_tools'))
import heldout as H
B = '/work/data/heldout4'; OUT = os.path.normpath(os.path.join(os.path.dirname(__file__), '..'))
if sys.argv[1:2] == ['labels']:
    H.build_labels(B, OUT, prune='--prune' in sys.argv); sys.exit()
H.extract(B)
H.inventory(B)
H.draw_targets(B, seed=20261208, n=30, per_pkg=3)
H.draw_random(B, seed=20261209, quota={'python': 3, 'javascript': 3, 'go': 3, 'rust': 3, 'ruby': 3, 'php': 0,
                                       'shell': 1, 'json': 1, 'markdown': 1, 'toml': 1})
H.prepare(B, OUT)
