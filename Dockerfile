# The ModelsLab emulator as a container, for CI jobs that run agents against it.
#
# Build the jar first, then the image, from the repository root:
#   mvn -B -pl emulator -am package -DskipTests
#   docker build -t modelslab-emulator .
# Run it (the control API answers other containers only with the admin token):
#   docker run --rm -p 8080:8080 -e MODELSLAB_EMULATOR_ADMIN_TOKEN=change-me modelslab-emulator
FROM eclipse-temurin:17-jre

WORKDIR /opt/modelslab-emulator
COPY emulator/target/lib/ lib/
COPY emulator/target/modelslab-emulator.jar modelslab-emulator.jar

RUN useradd --system --uid 10001 --home-dir /opt/modelslab-emulator emulator
USER emulator

# Every flag has an environment variable (see --help); the container listens on all its interfaces.
ENV MODELSLAB_EMULATOR_HOST=0.0.0.0 \
    MODELSLAB_EMULATOR_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080

# The control API's /_emulator/health, asked from inside the container (loopback: no admin token needed)
# by a JRE-only program, since recent JRE images no longer ship curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=5 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", "modelslab-emulator.jar", "dev.modelslabtwin.emulator.HealthCheck"]

ENTRYPOINT ["java", "-jar", "modelslab-emulator.jar"]
