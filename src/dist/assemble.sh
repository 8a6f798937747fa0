#!/bin/sh
# Makes the self-contained download, target/alertbook-<version>-linux-x64.tar.gz, and the folder
# the OCI image is made from; run by `mvn -B -Pdist package` after the jar is built.
#
#   alertbook-<version>/
#     bin/alertbook        the launcher (the repository's bin/alertbook, which finds runtime/)
#     lib/alertbook.jar    alertbook and its libraries
#     runtime/             a Java runtime cut by jlink to the modules alertbook uses, with the
#                          class-data sharing archive of its classes
#     share/bash-completion/completions/alertbook
#
# Usage: assemble.sh <version> <build directory> <java home> <source directory>
set -eu
version=$1
build=$2
jdk=$3
source=$4

name=alertbook-$version
dist=$build/dist
root=$dist/$name
rm -rf "$dist"
mkdir -p "$root/bin" "$root/lib" "$root/share/bash-completion/completions"

# The modules `jdeps --print-module-deps --ignore-missing-deps --multi-release 17 target/alertbook.jar`
# names: FreeMarker needs java.desktop (java.beans) and java.sql, serve needs jdk.httpserver, and
# jsoup and FreeMarker refer to java.net.http and java.rmi. The distribution test runs every
# command on this runtime, so a module missing here fails it.
modules=java.base,java.desktop,java.net.http,java.rmi,java.sql,jdk.httpserver
# --generate-cds-archive writes the runtime's class-data sharing archive (lib/server/classes.jsa),
# which the JVM maps in at every start instead of loading the JDK's classes one by one.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --generate-cds-archive --output "$root/runtime"

cp "$build/alertbook.jar" "$root/lib/alertbook.jar"
cp "$source/bin/alertbook" "$root/bin/alertbook"
chmod 755 "$root/bin/alertbook"
cp "$source/LICENSE" "$root/" 2>/dev/null || true
"$root/runtime/bin/java" -Xshare:auto -jar "$root/lib/alertbook.jar" completion \
  > "$root/share/bash-completion/completions/alertbook"

# Owner, order and times fixed, so the same build makes the same archive listing.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@"${SOURCE_DATE_EPOCH:-0}" \
  -C "$dist" -czf "$build/$name-linux-x64.tar.gz" "$name"

# The image has no operating system under it (Jib builds it from scratch): it gets the runtime and
# just the shared libraries the runtime's programs and libraries link to.
image=$dist/image
mkdir -p "$image/opt/alertbook" "$image/tmp"
cp -R "$root/runtime" "$image/opt/alertbook/runtime"
# The graphics and sound libraries of java.desktop are loaded only by AWT and Swing, which alertbook
# never starts (java.desktop is there for java.beans), so what they link to is left out.
find "$image/opt/alertbook/runtime" -type f \( -name java -o -name '*.so' \) \
  ! \( -name 'libawt*' -o -name 'libfontmanager.so' -o -name 'libjawt.so' -o -name 'liblcms.so' -o -name 'libmlib_image.so' \
       -o -name 'libjavajpeg.so' -o -name 'libjsound.so' -o -name 'libsplashscreen.so' \) -exec ldd {} + 2>/dev/null \
  | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/lib[^ ]*ld-linux[^ ]*\) .*/\1/p' | sort -u \
  | while read -r library; do
      case $library in "$image"/*) continue ;; esac
      mkdir -p "$image$(dirname "$library")"
      cp -L "$library" "$image$library"
    done
echo "assembled $build/$name-linux-x64.tar.gz"
