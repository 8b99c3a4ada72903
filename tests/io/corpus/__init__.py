"""Issue 12 item 7: workbooks whose headers copy public Chinese forms and registers, with synthetic people."""
