"""What starting newsld costs: nothing is imported before it is needed (issue 16, point 3).

Each check runs in a fresh interpreter, as a user's command does: converting
a plain-text article must not import the HTML stack (trafilatura, courlan,
htmldate) nor jsonschema, which only explains a fault; `newsld --version`
must not import or register a single plugin (nor the command-line library), and
the top-level `--help` registers none.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "docs" / "examples" / "seed-trump-putin.txt"

_CONVERT_TEXT = """
import json, sys
from newsld import Converter, ReadOptions
converter = Converter()
path = sys.argv[1]
document = converter.convert(open(path, "rb").read(), ReadOptions(source=path))
converter.to_jsonld(document)
print(json.dumps({"claims": len(document.claims), "modules": sorted(sys.modules)}))
"""

_STARTING = """
import json, sys
sys.argv = ["newsld", *sys.argv[1:]]
import newsld.cli
try:
    newsld.cli.main()
except SystemExit:
    pass
plugins = sys.modules.get("newsld.plugins")  # not even imported: nothing was loaded
loaded = plugins.default_plugins.cache_info().currsize if plugins else 0
print(json.dumps({"loaded": loaded, "modules": sorted(sys.modules)}))
"""


def _run(code: str, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _roots(modules: object) -> set[str]:
    assert isinstance(modules, list)
    return {name.split(".")[0] for name in modules}


def test_a_text_conversion_leaves_the_html_stack_and_jsonschema_unimported() -> None:
    result = _run(_CONVERT_TEXT, str(ARTICLE))
    assert isinstance(result["claims"], int) and result["claims"] > 0  # it did convert
    loaded = _roots(result["modules"])
    assert not loaded & {"trafilatura", "courlan", "htmldate", "justext", "jsonschema"}


def test_version_imports_and_registers_no_plugin() -> None:
    result = _run(_STARTING, "--version")
    assert result["loaded"] == 0
    assert not _roots(result["modules"]) & {"newsld_plugins", "typer"}


def test_top_level_help_registers_no_plugin_but_a_command_help_does() -> None:
    result = _run(_STARTING, "--help")
    assert result["loaded"] == 0
    assert "newsld_plugins" not in _roots(result["modules"])
    # A plugin's command still answers its own --help: that one loads the plugins.
    result = _run(_STARTING, "embed", "--help")
    assert result["loaded"] == 1


def test_every_shipped_claim_type_schema_is_valid_2020_12() -> None:
    # Claim types declared by these files skip the metaschema check at load (so a run
    # need not import jsonschema): this is where they get it.
    import jsonschema

    from newsld.schema import claim_type_from_file, claim_type_problem, schemas_dir

    files = sorted((schemas_dir() / "claim-types").glob("*.json"))
    assert files
    for path in files:
        claim_type = claim_type_from_file(path.stem)
        own = {"properties": dict(claim_type.properties), "required": list(claim_type.required)}
        jsonschema.Draft202012Validator.check_schema(own)
        assert claim_type_problem(claim_type) is None
