"""The command line: `extract`, `build` with and without --strict, and the README naming every option."""

import json
import re
import subprocess
import sys

from generator.cli import _parser, main
from tests.conftest import ROOT, make_project


def test_extract_writes_the_report(tmp_path):
    output = tmp_path / "out" / "report.json"
    assert main(["-q", "extract", str(ROOT / "corpus"), "-o", str(output)]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 2


def test_extract_of_a_missing_folder_fails_clearly(tmp_path, caplog):
    assert main(["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "r.json")]) == 1
    assert "corpus folder not found" in caplog.text


def test_strict_build_of_the_seeds_passes_mkdocs_strict(tmp_path):
    project = make_project(tmp_path)
    assert main(["-q", "build", "--project", str(project.root), "--strict"]) == 0
    assert (project.site / "data" / "report.json").is_file()
    assert (project.site / "pagefind" / "pagefind.js").is_file()
    assert (project.site / "documents" / "003_356bb86cd6c9e501" / "index.html").is_file()


def test_the_command_line_imports_the_build_only_to_run_it():
    # `build` starts Pagefind first: it loads its dictionary while the build's modules are imported.
    imported = subprocess.run([sys.executable, "-c", "import sys, generator.cli; "
                               "print([m for m in ('generator.build', 'generator.link', 'rjieba', 'pypinyin') "
                               "if m in sys.modules])"], capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "[]"


def test_bad_input_fails_only_a_strict_build(tmp_path):
    project = make_project(tmp_path)
    (project.corpus / "broken.txt").write_bytes(bytes(range(256)) * 8)
    command = [sys.executable, "-m", "generator", "build", "--project", str(project.root)]
    relaxed = subprocess.run(command, capture_output=True, text=True)
    assert relaxed.returncode == 0
    warnings = [line for line in relaxed.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == ["WARNING  skipped broken.txt: binary data or an unknown encoding"]
    assert (project.site / "documents" / "000_0001955a0cdd007d" / "index.html").is_file()
    strict = subprocess.run(command + ["--strict"], capture_output=True, text=True)
    assert strict.returncode == 1


def test_the_readme_names_every_command_and_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = readme[readme.index("## Commands"):].splitlines()
    # argparse lists its subcommands only in its actions.
    commands = next(action for action in _parser()._actions if action.dest == "command").choices
    for name, command in commands.items():
        row = next((line for line in rows if line.startswith(f"| `reportsite {name}")), "")
        unnamed = [action.option_strings for action in command._actions
                   if action.option_strings and action.dest != "help"
                   and not any(re.search(rf"{option}\b", row) for option in action.option_strings)]
        assert row and unnamed == [], name
