"""The ways in: the `wgad` command, batch runs, the terminal interview and quiz, the web application."""
