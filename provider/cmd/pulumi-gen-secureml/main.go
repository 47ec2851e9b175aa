// Command pulumi-gen-secureml writes the generated files of the package.
//
//	pulumi-gen-secureml schema <file>   writes the schema (without version)
//	pulumi-gen-secureml docs <readme>   rewrites the inputs and outputs tables of the README
//	pulumi-gen-secureml sdk <language> <dir> <version>
//	                                    replaces <dir> with the generated SDK (go, nodejs, python)
//	pulumi-gen-secureml reference <dir> replaces the generated API reference (*.md) in <dir>
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	pschema "github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"github.com/secureml/pulumi-secureml/provider"
	"github.com/secureml/pulumi-secureml/provider/sdkgen"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-gen-secureml:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 4 && args[0] == "sdk" {
		return writeSDK(args[1], args[2], args[3])
	}
	if len(args) == 2 && args[0] == "reference" {
		return writeReference(args[1])
	}
	if len(args) != 2 {
		return fmt.Errorf("usage: pulumi-gen-secureml schema <file> | docs <readme> | sdk <language> <dir> <version> | reference <dir>")
	}
	schema, err := provider.Schema(context.Background())
	if err != nil {
		return err
	}
	switch args[0] {
	case "schema":
		return os.WriteFile(args[1], schema, 0o644)
	case "docs":
		return writeDocs(args[1], schema)
	default:
		return fmt.Errorf("unknown command %q: use schema, docs, sdk or reference", args[0])
	}
}

func writeDocs(readmePath string, schemaJSON []byte) error {
	var spec pschema.PackageSpec
	if err := json.Unmarshal(schemaJSON, &spec); err != nil {
		return err
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		return err
	}
	updated, err := provider.ReplaceTables(string(readme), provider.APITables(spec))
	if err != nil {
		return err
	}
	return os.WriteFile(readmePath, []byte(updated), 0o644)
}

const goModule = `module github.com/secureml/pulumi-secureml/sdk

go 1.26

require github.com/pulumi/pulumi/sdk/v3 v3.274.1
`

// writeSDK replaces dir with a freshly generated SDK, so files the generator no longer writes do not linger.
func writeSDK(language, dir, version string) error {
	schema, err := os.ReadFile("schema.json")
	if err != nil {
		return fmt.Errorf("run from the repository root after `make schema`: %w", err)
	}
	files, err := sdkgen.GenerateSDK(schema, language, version)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if readme, ok := files["pulumi_secureml/README.md"]; ok && language == "python" {
		// pyproject.toml names README.md beside it; the generator writes it inside the package only.
		files["README.md"] = readme
	}
	if language == "go" {
		// The Go SDK is its own module, rooted at the folder above the package (sdk/), as Pulumi's
		// providers lay it out; go.sum comes from `go mod tidy` in make.
		files["../go.mod"] = []byte(goModule)
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeReference replaces the Markdown files of dir with the API reference generated from schema.json, so a
// file the generator no longer writes does not linger.
func writeReference(dir string) error {
	schema, err := os.ReadFile("schema.json")
	if err != nil {
		return fmt.Errorf("run from the repository root after `make schema`: %w", err)
	}
	files, err := sdkgen.Reference(schema)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	stale, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return err
	}
	for _, path := range stale {
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
