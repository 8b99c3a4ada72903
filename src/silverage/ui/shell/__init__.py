"""Start-up, the main window, the task runner, errors, language and settings."""
