# syntax=docker/dockerfile:1
# chartstream's image: the `chartstream` command (topology, sink, ingest, run, inspect, render),
# a Kafka Connect worker with the S-57 source connector on its plugin path, and the Prometheus
# JMX exporter agent for the JVMs of docker-compose.yml. Build: docker build -t chartstream .

# --- build: the reactor with Maven on JDK 25 (tests run outside the image: ./chartstream test) ---
FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests -pl app -am package \
 && mvn -B -ntp -DskipTests -pl ingest-connector -am package dependency:copy-dependencies \
        -DincludeScope=runtime -DexcludeGroupIds=org.apache.kafka,org.slf4j,com.fasterxml.jackson.core -DoutputDirectory=/out/plugin \
 && cp ingest-connector/target/chartstream-ingest-connector-*[0-9T].jar /out/plugin/ \
 && mvn -B -ntp dependency:copy -Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1 -DoutputDirectory=/out/jmx \
 && mv /out/jmx/jmx_prometheus_javaagent-1.0.1.jar /out/jmx/jmx_prometheus_javaagent.jar \
 && mkdir -p /out/lib /out/connect-lib \
 && cp app/target/chartstream-app-*.jar app/target/lib/*.jar /out/lib/ \
 # The Connect worker's own class path: Kafka without chartstream, which it loads from the plugin path.
 && cp app/target/lib/*.jar /out/connect-lib/ && rm -f /out/connect-lib/chartstream-*.jar

# --- runtime: Debian bookworm with GDAL's C library (read through FFM) and a JDK 25 runtime ---
FROM debian:bookworm-slim AS runtime
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH="${JAVA_HOME}/bin:${PATH}"
COPY --from=eclipse-temurin:25-jre /opt/java/openjdk ${JAVA_HOME}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libgdal32 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/chartstream --create-home chartstream \
 && mkdir /var/lib/chartstream/out && chown chartstream /var/lib/chartstream/out
COPY --from=build /out/lib/ /opt/chartstream/lib/
COPY --from=build /out/connect-lib/ /opt/chartstream/connect-lib/
COPY --from=build /out/plugin/ /opt/chartstream/plugins/chartstream-s57/
COPY --from=build /out/jmx/ /opt/chartstream/jmx/
COPY config/ /opt/chartstream/config/
COPY docker/chartstream.sh /usr/local/bin/chartstream
COPY docker/connect-worker.sh /usr/local/bin/connect-worker
USER chartstream
WORKDIR /var/lib/chartstream
ENTRYPOINT ["/usr/local/bin/chartstream"]
CMD ["--help"]
