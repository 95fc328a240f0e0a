"""Command-line interface (placeholder replaced below)."""


def main() -> int:
    """Run the CLI."""
    return 0
