"""The top of the stack: what needs every app at once (today the `demo_load` command, which
builds the demo network through each app's services). Nothing imports it."""
