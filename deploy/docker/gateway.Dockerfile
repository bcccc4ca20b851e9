# QR Art gateway: the Quarkus app (JVM "fast-jar" layout) serving the API and the built web app.
# Build from the repository root:  docker build -f deploy/docker/gateway.Dockerfile -t qrart-gateway .

FROM node:20.19.5-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY gateway/pom.xml gateway/
RUN mvn -B -ntp -pl gateway dependency:go-offline
COPY gateway/src gateway/src
COPY --from=web /src/frontend/dist frontend/dist
RUN mvn -B -ntp -pl gateway -DskipTests package

FROM eclipse-temurin:17.0.16_8-jre-noble
# WeChat's QR reader is native code (OpenCV through JavaCPP, linux-x86_64 jars in lib/): JavaCPP
# unpacks it on first use into its cache folder, which must be writable (/tmp; an emptyDir in Kubernetes).
ENV LANGUAGE='en_US:en' \
    JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp"
RUN groupadd --system --gid 10001 qrart \
 && useradd --system --uid 10001 --gid qrart --no-create-home --shell /usr/sbin/nologin qrart
WORKDIR /deployments
COPY --from=build --chown=10001:10001 /src/gateway/target/quarkus-app/lib/ lib/
COPY --from=build --chown=10001:10001 /src/gateway/target/quarkus-app/*.jar ./
COPY --from=build --chown=10001:10001 /src/gateway/target/quarkus-app/app/ app/
COPY --from=build --chown=10001:10001 /src/gateway/target/quarkus-app/quarkus/ quarkus/
USER 10001
EXPOSE 8080
# On SIGTERM the gateway drains (readiness down, running jobs finish, leases released) and exits;
# a job it still held is taken by another replica, or by this one when it starts again.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
