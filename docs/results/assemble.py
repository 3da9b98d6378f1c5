#!/usr/bin/env python3
"""Builds docs/RESULTS.md from the generated tables and frontiers in results/ and the comments in this folder.

Run from the repository root after the benchmark runs: python3 docs/results/assemble.py
"""
import pathlib, shutil, re

root = pathlib.Path(__file__).resolve().parents[2]
results, docs = root / "results", root / "docs" / "results"
order = ["table-4.1-cpu", "table-3.1-cpu", "table-3.2-cpu", "table-4.3-cpu", "table-4.4-cpu", "table-4.7-cpu",
         "frontier-lenet5", "frontier-lenet5-pgd", "frontier-resnet20", "frontier-resnet20-pgd"]
out = [(docs / "intro.md").read_text()]
for name in order:
    md = results / (name + ".md")
    comment = docs / (name + ".comment.md")
    if not md.exists():
        out.append(f"### {name}\n\nNot run here (see the command above).\n")
        continue
    text = md.read_text()
    # plots sit next to RESULTS.md's results/ folder
    for png in re.findall(r"`(frontier-[\w-]+\.png)`", text):
        shutil.copy(results / png, docs / png)
        text = text.replace(f"`{png}`", f"![{png}](results/{png})")
    out.append(text)
    if comment.exists():
        out.append("**Comment.** " + comment.read_text())
(root / "docs" / "RESULTS.md").write_text("\n".join(out))
print("written docs/RESULTS.md")
