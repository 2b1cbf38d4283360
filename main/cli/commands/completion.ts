// `ehpc-vnc completion bash|zsh|fish|powershell`: a script that completes the command names and
// the global options. Generated from the registered commands, so a new command completes too.
import type { CommandSpec } from '../command-spec';
import { usageError } from '../cli-error';
import { ExitCode } from '../exit-codes';

const GLOBAL = [
  '--profile',
  '--region',
  '--endpoint',
  '--timeout',
  '--json',
  '--yes',
  '--help',
  '--version',
];

function script(shell: string, commands: readonly string[]): string | undefined {
  const words = [...commands, ...GLOBAL].join(' ');
  switch (shell) {
    case 'bash':
      return [
        '# ehpc-vnc completion for bash: eval "$(ehpc-vnc completion bash)"',
        '_ehpc_vnc() {',
        '  local cur="${COMP_WORDS[COMP_CWORD]}"',
        `  COMPREPLY=( $(compgen -W "${words}" -- "$cur") )`,
        '}',
        'complete -F _ehpc_vnc ehpc-vnc',
      ].join('\n');
    case 'zsh':
      return [
        '#compdef ehpc-vnc',
        '# ehpc-vnc completion for zsh: eval "$(ehpc-vnc completion zsh)"',
        `_ehpc_vnc() { compadd -- ${words} }`,
        'compdef _ehpc_vnc ehpc-vnc',
      ].join('\n');
    case 'fish':
      return [
        '# ehpc-vnc completion for fish: ehpc-vnc completion fish | source',
        `complete -c ehpc-vnc -f -n '__fish_use_subcommand' -a '${commands.join(' ')}'`,
        ...GLOBAL.map((o) => `complete -c ehpc-vnc -l ${o.slice(2)}`),
      ].join('\n');
    case 'powershell':
      return [
        '# ehpc-vnc completion for PowerShell: ehpc-vnc completion powershell | Out-String | Invoke-Expression',
        'Register-ArgumentCompleter -Native -CommandName ehpc-vnc -ScriptBlock {',
        '  param($wordToComplete)',
        `  '${[...commands, ...GLOBAL].join("','")}' | Where-Object { $_ -like "$wordToComplete*" } |`,
        "    ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }",
        '}',
      ].join('\n');
    default:
      return undefined;
  }
}

export function completion(commandNames: () => readonly string[]): CommandSpec {
  return {
    usage: 'completion <shell>',
    summary: 'print a completion script for bash, zsh, fish or powershell',
    examples: [
      'eval "$(ehpc-vnc completion bash)"',
      'ehpc-vnc completion fish | source',
      'ehpc-vnc completion powershell | Out-String | Invoke-Expression',
    ],

    async run(ctx, [shell]) {
      const text = script(shell ?? '', commandNames());
      if (text === undefined) throw usageError('shell', { shell: shell ?? '' });
      ctx.io.stdout.write(`${text}\n`);
      return ExitCode.Ok;
    },
  };
}

export function version(printVersion: () => string): CommandSpec {
  return {
    usage: 'version',
    summary: 'print the version (as --version)',
    examples: ['ehpc-vnc version', 'ehpc-vnc --version'],

    async run(ctx) {
      ctx.io.stdout.write(`${printVersion()}\n`);
      return ExitCode.Ok;
    },
  };
}
