"""The sync client: transport, engine, scheduler (no Qt). See docs/sync-protocol.md."""
