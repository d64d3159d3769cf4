"""Compiled rules: each pattern named, written with re.VERBOSE, and shipped with examples."""
