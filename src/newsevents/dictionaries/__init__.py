"""Built-in event and actor dictionaries, and readers for users' PETRARCH/TABARI dictionaries."""
