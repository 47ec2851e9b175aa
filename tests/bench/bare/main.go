// Command pulumi-resource-bare is the yardstick of `make bench-build`: a pulumi-go-provider provider
// with one trivial component and nothing else, built like the secureml plugin so the two can be
// compared. It is never shipped.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// GreetingArgs are the component's inputs.
type GreetingArgs struct {
	Name pulumi.StringInput `pulumi:"name"`
}

// Greeting is a component with one output and no children.
type Greeting struct {
	pulumi.ResourceState
	Message pulumi.StringOutput `pulumi:"message"`
}

// NewGreeting registers the component.
func NewGreeting(ctx *pulumi.Context, name string, args GreetingArgs, opts ...pulumi.ResourceOption) (*Greeting, error) {
	g := &Greeting{}
	if err := ctx.RegisterComponentResource("bare:index:Greeting", name, g, opts...); err != nil {
		return nil, err
	}
	g.Message = pulumi.Sprintf("hello, %s", args.Name)
	return g, ctx.RegisterResourceOutputs(g, pulumi.Map{"message": g.Message})
}

func main() {
	prov, err := infer.NewProviderBuilder().
		WithNamespace("bare").
		WithComponents(infer.ComponentF(NewGreeting)).
		Build()
	if err == nil {
		err = prov.Run(context.Background(), "bare", "0.0.1")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
