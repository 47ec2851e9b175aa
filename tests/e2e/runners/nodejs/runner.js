// Runs one Automation API operation on a Node.js project's own compiled program (bin/index.js,
// built by prepare.sh) as an inline program. Run with cwd = the project; see ../README.md.
"use strict";

const fs = require("fs");
const path = require("path");

const projectDir = process.cwd();
const programDir = path.join(projectDir, "bin");

// The Automation API must come from the project's node_modules so that it and the program share
// one @pulumi/pulumi instance (two copies would not see each other's runtime state).
const auto = require(require.resolve("@pulumi/pulumi/automation", { paths: [projectDir] }));

// The project's program, required afresh on every run: clearing the cache makes it register its
// resources again if the same process runs it twice. Its exports become the stack outputs.
async function program() {
    for (const file of Object.keys(require.cache)) {
        if (file.startsWith(programDir + path.sep)) {
            delete require.cache[file];
        }
    }
    return { ...require(path.join(programDir, "index.js")) };
}

function projectName() {
    if (process.env.SECUREML_RUNNER_PROJECT) {
        return process.env.SECUREML_RUNNER_PROJECT;
    }
    // Only the top-level name is needed, so a line match avoids a YAML dependency.
    const text = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
    const match = /^name:\s*["']?([^"'\s#]+)/m.exec(text);
    if (!match) {
        throw new Error("Pulumi.yaml has no name; set SECUREML_RUNNER_PROJECT");
    }
    return match[1];
}

function required(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

async function main() {
    const op = process.env.SECUREML_RUNNER_OP;
    const resultFile = required("SECUREML_RUNNER_RESULT");
    if (!["preview", "up", "destroy"].includes(op)) {
        throw new Error(`SECUREML_RUNNER_OP "${op}": use preview, up or destroy`);
    }
    // workDir = the project, so its Pulumi.yaml and Pulumi.<stack>.yaml are used.
    const stack = await auto.LocalWorkspace.createOrSelectStack(
        { stackName: required("SECUREML_RUNNER_STACK"), projectName: projectName(), program },
        { workDir: projectDir },
    );

    const result = { op, changeSummary: {} };
    switch (op) {
        case "preview": {
            const res = await stack.preview({ diff: true });
            result.changeSummary = res.changeSummary;
            break;
        }
        case "up": {
            const res = await stack.up();
            result.changeSummary = res.summary.resourceChanges ?? {};
            result.outputs = {};
            for (const [name, output] of Object.entries(res.outputs)) {
                result.outputs[name] = output.value; // unwrap {value, secret}
            }
            break;
        }
        case "destroy": {
            const res = await stack.destroy();
            result.changeSummary = res.summary.resourceChanges ?? {};
            break;
        }
    }
    fs.writeFileSync(resultFile, JSON.stringify(result));
}

main().catch((err) => {
    // CommandError's message carries the CLI's stdout and stderr, so component errors arrive verbatim.
    process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
    process.exit(1);
});
