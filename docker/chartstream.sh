#!/bin/sh
# The chartstream command inside the image: what ./chartstream runs, without the build step.
exec java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JAVA_OPTS:-} \
  -cp "/opt/chartstream/lib/*" io.chartstream.app.Main "$@"
