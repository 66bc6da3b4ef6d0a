#!/usr/bin/env bash
# The fuses electron-builder.yml sets, as `@electron/fuses read` prints them for an installed app
# (the smoke jobs of .github/workflows/electron.yml): fails, naming it, on a fuse that is not so.
set -euo pipefail
printed=$1
status=0
for fuse in 'RunAsNode is Disabled' 'EnableCookieEncryption is Enabled' 'EnableNodeOptionsEnvironmentVariable is Disabled' \
  'EnableNodeCliInspectArguments is Disabled' 'EnableEmbeddedAsarIntegrityValidation is Enabled' 'OnlyLoadAppFromAsar is Enabled' \
  'GrantFileProtocolExtraPrivileges is Disabled'; do
  if ! grep -qF "$fuse" "$printed"; then
    echo "::error::the installed app's fuse is not so: $fuse"
    status=1
  fi
done
exit $status
