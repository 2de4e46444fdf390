print("trailbrake-bench")
