//go:build securemlrunner

// Runner runs one Automation API operation on a Go project's own program as an inline program. The
// end-to-end tests copy it into a temporary copy of the project in place of main.go (which only calls
// pulumi.Run(secureNetwork)) and build it with -tags securemlrunner; see ../README.md for the protocol.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
)

type result struct {
	Op            string         `json:"op"`
	ChangeSummary map[string]int `json:"changeSummary"`
	Outputs       map[string]any `json:"outputs,omitempty"`
}

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	project := os.Getenv("SECUREML_RUNNER_PROJECT")
	if project == "" {
		p, err := workspace.LoadProject("Pulumi.yaml")
		if err != nil {
			return err
		}
		project = p.Name.String()
	}
	stack, err := auto.UpsertStackInlineSource(ctx, os.Getenv("SECUREML_RUNNER_STACK"), project, secureNetwork, auto.WorkDir(dir))
	if err != nil {
		return err
	}
	res := result{Op: os.Getenv("SECUREML_RUNNER_OP"), ChangeSummary: map[string]int{}}
	switch res.Op {
	case "preview":
		preview, err := stack.Preview(ctx, optpreview.Diff())
		if err != nil {
			return err
		}
		for op, n := range preview.ChangeSummary {
			res.ChangeSummary[string(op)] = n
		}
	case "up":
		up, err := stack.Up(ctx, optup.SuppressProgress())
		if err != nil {
			return err
		}
		res.ChangeSummary = *up.Summary.ResourceChanges
		res.Outputs = map[string]any{}
		for name, out := range up.Outputs {
			res.Outputs[name] = out.Value
		}
	case "destroy":
		destroy, err := stack.Destroy(ctx, optdestroy.SuppressProgress())
		if err != nil {
			return err
		}
		res.ChangeSummary = *destroy.Summary.ResourceChanges
	default:
		return fmt.Errorf("SECUREML_RUNNER_OP %q: use preview, up or destroy", res.Op)
	}
	data, err := json.Marshal(res)
	if err != nil {
		return err
	}
	return os.WriteFile(os.Getenv("SECUREML_RUNNER_RESULT"), data, 0o644)
}
