#!/usr/bin/env bash
# The real platforms that `make integrations` (part of `make test`) embeds the
# widget in: WordPress (with MariaDB and PHP) and Hugo, all Debian packages.
# Tests only: `make demo` needs none of it.
#
# scripts/bootstrap.sh sources this file and folds the missing packages into
# its one apt run. Run on its own, it installs just these:
#
#   scripts/bootstrap-integrations.sh
#
# Pinned here (bump deliberately): Debian 12's packages, installed with
# --no-install-recommends (WordPress 6.1, PHP 8.2, MariaDB 10.11, Hugo 0.111).
# The theme must be named when recommends are skipped.
#
# SKIP_INTEGRATIONS=1 skips all of it (and `make integrations`).

# apt package -> the file that shows it is installed.
declare -A INTEGRATION_APT_PROBES=(
  [mariadb-server]=/usr/sbin/mariadbd
  [wordpress]=/usr/share/wordpress/wp-load.php
  [wordpress-theme-twentytwentythree]=/usr/share/wordpress/wp-content/themes/twentytwentythree/theme.json
  [php-curl]=/etc/php/8.2/mods-available/curl.ini
  [php-xml]=/etc/php/8.2/mods-available/xml.ini
  [php-mbstring]=/etc/php/8.2/mods-available/mbstring.ini
  [hugo]=/usr/bin/hugo
)
INTEGRATION_APT_ORDER=(mariadb-server wordpress wordpress-theme-twentytwentythree php-curl php-xml php-mbstring hugo)

# Prints the apt packages still missing, one a line (none with SKIP_INTEGRATIONS=1).
integrations_apt_missing() {
  [[ ${SKIP_INTEGRATIONS:-0} == 1 ]] && return 0
  local package
  for package in "${INTEGRATION_APT_ORDER[@]}"; do
    [[ -e ${INTEGRATION_APT_PROBES[$package]} ]] || printf '%s\n' "$package"
  done
}

# Installs the given apt packages without their recommends (run inside the
# caller's apt job, after its one `apt-get update`).
integrations_apt_install() {
  (($# > 0)) || return 0
  ${SUDO:-} apt-get install -y --no-install-recommends "$@"
}

# After the installs: everything `make integrations` starts is there.
integrations_verify() {
  [[ ${SKIP_INTEGRATIONS:-0} == 1 ]] && return 0
  local package
  for package in "${INTEGRATION_APT_ORDER[@]}"; do
    [[ -e ${INTEGRATION_APT_PROBES[$package]} ]] || die "${INTEGRATION_APT_PROBES[$package]} is missing after installing $package"
  done
}

# One summary line.
integrations_summary() {
  [[ ${SKIP_INTEGRATIONS:-0} == 1 ]] && { log "  integrations: skipped (SKIP_INTEGRATIONS=1)"; return 0; }
  log "  WordPress $(dpkg-query -W -f '${Version}' wordpress 2>/dev/null), PHP $(php -r 'echo PHP_VERSION;' 2>/dev/null), MariaDB $(dpkg-query -W -f '${Version}' mariadb-server 2>/dev/null), $(hugo version 2>/dev/null | cut -d' ' -f1-2)"
}

# Run on its own: install just these.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  log() { printf '[bootstrap-integrations] %s\n' "$*"; }
  die() { printf '[bootstrap-integrations] error: %s\n' "$*" >&2; exit 1; }
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO=sudo
  mapfile -t missing < <(integrations_apt_missing)
  if ((${#missing[@]} > 0)); then
    log "install ${missing[*]} (apt)"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update && integrations_apt_install "${missing[@]}"
  else
    log "skip   ${INTEGRATION_APT_ORDER[*]} (present)"
  fi
  integrations_verify
  integrations_summary
fi
