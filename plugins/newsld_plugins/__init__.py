"""newsld's built-in plugins, each registered through the public hooks."""
