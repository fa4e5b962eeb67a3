import sys

from . import export

if __name__ == "__main__":
    for path in export(sys.argv[1] if len(sys.argv) > 1 else "docs/schema"):
        sys.stdout.write(f"{path}\n")
