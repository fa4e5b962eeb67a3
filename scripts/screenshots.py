"""Screenshots of a report.html at phone (390 px) and desktop (1366 px) widths.

    python scripts/screenshots.py out/report.html [--out docs]

Uses Debian's chromium (apt-get install chromium) through Playwright; never downloads a
browser.  Writes report-phone.png and report-desktop.png into --out (default docs/).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"phone": (390, 844, 3), "desktop": (1366, 900, 1)}


def shoot(report: Path, out_dir: Path, full_page: bool = True) -> list[Path]:
    from playwright.sync_api import sync_playwright

    browser_path = shutil.which("chromium")
    if browser_path is None:
        raise RuntimeError("chromium is not installed: run `apt-get install -y chromium` (see scripts/ensure-chromium.sh)")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        try:
            for name, (width, height, scale) in WIDTHS.items():
                # Phones render at 3x; 2x keeps the PNG readable and small enough for docs.
                page = browser.new_page(viewport={"width": width, "height": height},
                                        device_scale_factor=min(scale, 2), is_mobile=name == "phone")
                page.goto(report.resolve().as_uri())
                page.wait_for_load_state("load")
                path = out_dir / f"report-{name}.png"
                page.screenshot(path=str(path), full_page=full_page)
                written.append(path)
                page.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="path to a report.html")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs")
    parser.add_argument("--viewport-only", action="store_true", help="capture the first screen, not the whole page")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"error: no report at {args.report}; run `newsfuse run INPUTS --out DIR` first", file=sys.stderr)
        return 2
    try:
        for path in shoot(args.report, args.out, full_page=not args.viewport_only):
            print(path)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
