// The load and replay tool is built under its own issue (see docs/architecture.md).
print("trailbrake-load: the load and replay tool is not part of this build yet")
