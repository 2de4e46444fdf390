# Trailbrake in a container: built with the Swift toolchain image, run on Debian 12 slim with
# only the libraries the server links (docs/operations.md, "Containers"). Not built on the
# development machine (it runs no Docker engine): linted by hadolint in DockerfileTests.
#
#   docker build -t trailbrake .
#   docker run -d -p 8080:8080 -v trailbrake-data:/var/lib/trailbrake trailbrake

# ---- build: the release binary, Swift's runtime and Foundation linked in statically
FROM swift:6.3.1-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      pkg-config libsqlite3-dev zlib1g-dev libespeak-ng-dev libopus-dev libopusenc-dev libogg-dev libsoxr-dev \
      libsodium-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --static-swift-stdlib --product trailbrake -j 2 \
 && install -D -m 0755 .build/release/trailbrake /out/trailbrake

# ---- runtime: the server's shared libraries, espeak-ng's voices, curl for the health check
FROM debian:12.11-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libsqlite3-0 zlib1g libespeak-ng1 espeak-ng-data libopus0 libopusenc0 libsoxr0 libstdc++6 curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 trailbrake \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/trailbrake --shell /usr/sbin/nologin trailbrake \
 && install -d -o trailbrake -g trailbrake -m 0700 /var/lib/trailbrake
COPY --from=build /out/trailbrake /usr/local/bin/trailbrake
COPY ReferenceLaps /usr/local/share/trailbrake/ReferenceLaps
COPY config/trailbrake.toml /etc/trailbrake/trailbrake.toml
# Every setting can be changed with TRAILBRAKE_<SECTION>_<KEY> (docker run -e ...).
ENV TRAILBRAKE_SERVER_HOST=0.0.0.0 \
    TRAILBRAKE_SERVER_PORT=8080 \
    TRAILBRAKE_SERVER_DATA_DIR=/var/lib/trailbrake \
    TRAILBRAKE_SERVER_REFERENCE_DIR=/usr/local/share/trailbrake/ReferenceLaps \
    TRAILBRAKE_LOG_FORMAT=json
USER 10001:10001
WORKDIR /var/lib/trailbrake
VOLUME ["/var/lib/trailbrake"]
EXPOSE 8080
# 200 while the database answers (503 otherwise): what an orchestrator restarts on.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/api/v1/health"]
# SIGTERM ends live sessions and stores partial laps (give `docker stop` 30 s: -t 30).
STOPSIGNAL SIGTERM
ENTRYPOINT ["trailbrake"]
CMD ["serve", "--config", "/etc/trailbrake/trailbrake.toml"]
