# bash completion for svcorg                                   -*- shell-script -*-
# Installed as share/bash-completion/completions/svcorg; or `source` this file.

_svcorg_revisions() {
  git rev-parse --git-dir >/dev/null 2>&1 || return
  git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null
  printf '%s\n' HEAD HEAD~1
}

_svcorg() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()

  local commands="validate score needs export need import report init schema rules"
  local common="--year --as-of --color --lang -q --quiet --strict --jobs -h --help
    --max-file-size --max-depth --max-records --no-cache --cache-dir --cache-size"

  # The subcommand: the first word after svcorg that is not an option.
  local i command=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) command=${COMP_WORDS[i]}; break ;;
    esac
  done

  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "$commands -h --help --version" -- "$cur"))
    return
  fi

  # Values of the option before the cursor.
  case $prev in
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --format)
      case $command in
        validate) COMPREPLY=($(compgen -W "text json sarif junit github gitlab" -- "$cur")) ;;
        score) COMPREPLY=($(compgen -W "table json csv xlsx markdown" -- "$cur")) ;;
        needs) COMPREPLY=($(compgen -W "table json csv xlsx" -- "$cur")) ;;
        rules) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")) ;;
        report) COMPREPLY=($(compgen -W "markdown html" -- "$cur")) ;;
      esac
      return ;;
    --status)
      COMPREPLY=($(compgen -W "received assessed in-progress resolved closed declined open overdue" -- "$cur"))
      return ;;
    --channel)
      COMPREPLY=($(compgen -W "member-contact reception social-group hotline online survey meeting visit" -- "$cur"))
      return ;;
    --layer) COMPREPLY=($(compgen -W "branch street district" -- "$cur")); return ;;
    --type) COMPREPLY=($(compgen -W "residential social-service building enterprise organ" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en zh-CN" -- "$cur")); return ;;
    --scope)
      if [[ $command == need ]]; then
        COMPREPLY=($(compgen -W "individual group area" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "district street: branch:" -- "$cur")); compopt -o nospace 2>/dev/null
      fi
      return ;;
    --to)
      if [[ $command == export ]]; then
        COMPREPLY=($(compgen -W "sqlite: postgresql://" -- "$cur")); compopt -o nospace 2>/dev/null
        if [[ $cur == sqlite:* ]]; then
          compopt -o filenames 2>/dev/null
          COMPREPLY=($(compgen -f -- "${cur#sqlite:}")); COMPREPLY=("${COMPREPLY[@]/#/sqlite:}")
        fi
      else
        COMPREPLY=($(compgen -W "received assessed in-progress resolved closed declined" -- "$cur"))
      fi
      return ;;
    --satisfaction) COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")); return ;;
    --disposal) COMPREPLY=($(compgen -W "solve relay mobilize" -- "$cur")); return ;;
    --encoding) COMPREPLY=($(compgen -W "auto utf-8 gb18030" -- "$cur")); return ;;
    --map) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --since | --compare) COMPREPLY=($(compgen -W "$(_svcorg_revisions)" -- "$cur")); return ;;
    -o | --output | --baseline)
      if [[ $command == validate && $cur != *=* ]]; then
        COMPREPLY=($(compgen -W "text= json= sarif= junit= github= gitlab=" -- "$cur"))
        compopt -o nospace 2>/dev/null
      else
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "${cur#*=}"))
        [[ $cur == *=* ]] && COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
      fi
      return ;;
    --cache-dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --year | --as-of | --jobs | --branch | --street | --category | --explain | --fail-under | \
      --summary | --received | --due | --relayed-to | --date | --note | --reason | --max-file-size | --max-depth | --max-records | --cache-size) return ;;
  esac

  local options
  case $command in
    validate) options="$common --format -o --output --since" ;;
    score) options="$common --format --excel --branch --type --street --explain --fail-under -o --output --since --baseline --compare" ;;
    needs) options="$common --format --excel -o --output --status --branch --street --channel --category --layer --received-in-year" ;;
    export) options="$common --to" ;;
    report) options="$common --scope --detail --brief --format -o --output" ;;
    need)
      # need add: the options that read the repository, then the need's fields
      options="-h --help"
      if [[ " ${COMP_WORDS[*]:1:COMP_CWORD-1} " == *" add "* ]]; then
        options="$common --branch --channel --category --summary --layer --disposal --received --due --relayed-to --scope"
      elif [[ " ${COMP_WORDS[*]:1:COMP_CWORD-1} " == *" move "* ]]; then
        options="$common --to --date --note --reason"
      elif [[ " ${COMP_WORDS[*]:1:COMP_CWORD-1} " == *" feedback "* ]]; then
        options="$common --satisfaction --date"
      elif [[ $cur != -* ]]; then
        COMPREPLY=($(compgen -W "add move feedback" -- "$cur"))
        return
      fi ;;
    import)
      # import needs FILE [DIR]: the options that read the repository, then the map's
      options="-h --help"
      if [[ " ${COMP_WORDS[*]:1:COMP_CWORD-1} " == *" needs "* ]]; then
        options="$common --map --encoding --dry-run"
      elif [[ $cur != -* ]]; then
        COMPREPLY=($(compgen -W "needs" -- "$cur"))
        return
      fi ;;
    init) options="-q --quiet --lang -h --help" ;;
    schema) options="--lang -h --help" ;;
    rules) options="--format --builtin --lang -q --quiet --jobs -h --help
      --max-file-size --max-depth --max-records --no-cache --cache-dir --cache-size" ;;
    *) return ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  elif [[ $command == schema ]]; then
    COMPREPLY=($(compgen -W "district branch need platform plan" -- "$cur"))
  elif [[ $command == rules && $prev == rules ]]; then
    # the first word: a TYPE or a path
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -W "residential social-service building enterprise organ" -- "$cur") $(compgen -f -- "$cur"))
  elif [[ $command == init ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -d -- "$cur"))
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

complete -F _svcorg svcorg
