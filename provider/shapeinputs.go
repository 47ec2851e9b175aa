package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Shape inputs are the arguments a component keeps as plain Go values because they decide which
// children exist (a cloud, a service being set, a subnet switched on). Every generated SDK types them
// as inputs, so users pass outputs: a stack reference's output, known at preview but carrying a
// dependency, or a resource's output, unknown at preview. The Pulumi Go SDK refuses to copy either
// into a plain field ("expected destination type to implement pulumi.Input or pulumi.Output"), an
// internal error that names nothing. shapeInputs resolves them before the component sees them: a
// known output becomes its plain value; an unknown one fails with a message naming the input and
// saying it must be known at preview. Arguments typed as pulumi inputs (value inputs) pass untouched.

// shapeInputs wraps an inferred component so its shape inputs are resolved first.
type shapeInputs struct {
	infer.InferredComponent
	args      reflect.Type // the component's argument struct
	component string       // the component's type name, for messages
}

// withShapeInputs returns component with its shape inputs (the plain fields of Args) resolved.
func withShapeInputs[Args any](typeName string, component infer.InferredComponent) infer.InferredComponent {
	return shapeInputs{InferredComponent: component, args: reflect.TypeFor[Args](), component: typeName}
}

// Construct resolves the shape inputs, then constructs the component.
func (c shapeInputs) Construct(ctx context.Context, req p.ConstructRequest) (p.ConstructResponse, error) {
	inputs, err := resolver{c.component}.resolveShape("", property.New(req.Inputs), c.args, false)
	if err != nil {
		return p.ConstructResponse{}, err
	}
	req.Inputs = inputs.AsMap()
	return c.InferredComponent.Construct(ctx, req)
}

var inputType = reflect.TypeFor[pulumi.Input]()

// resolver resolves the shape inputs of one component type.
type resolver struct{ component string }

// resolveShape resolves value v of a field of Go type t at path. secret says an enclosing value was a
// secret: its secrecy moves down to the value inputs inside it. The Node.js SDK marks a whole object
// secret when one value in it is (a site's sharedKey from config.requireSecret makes all of
// vpnGateway secret), so a shape value inside a secret object is taken plain; only a shape value that
// is itself secret is refused.
func (r resolver) resolveShape(path string, v property.Value, t reflect.Type, secret bool) (property.Value, error) {
	if t.Implements(inputType) || reflect.PointerTo(t).Implements(inputType) {
		if secret {
			v = v.WithSecret(true)
		}
		return v, nil // a value input: outputs are welcome
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v.IsComputed() {
		return v, fmt.Errorf("%s must be known at preview: it decides which resources %s creates. Pass a "+
			"literal, a config value or a stack reference output, not the output of a resource created in the same program",
			displayPath(path), r.component)
	}
	own := v.Secret()
	if own {
		secret = true
		v = v.WithSecret(false)
	}
	v = v.WithDependencies(nil)
	switch {
	case v.IsNull():
		return v, nil
	case t.Kind() == reflect.Struct && v.IsMap():
		return r.resolveStruct(path, v, t, secret)
	case t.Kind() == reflect.Map && v.IsMap():
		out := map[string]property.Value{}
		for key, elem := range v.AsMap().All {
			res, err := r.resolveShape(fmt.Sprintf("%s[%q]", path, key), elem, t.Elem(), secret)
			if err != nil {
				return v, err
			}
			out[key] = res
		}
		return property.New(out), nil
	case t.Kind() == reflect.Slice && v.IsArray():
		var out []property.Value
		for i, elem := range v.AsArray().All {
			res, err := r.resolveShape(fmt.Sprintf("%s[%d]", path, i), elem, t.Elem(), secret)
			if err != nil {
				return v, err
			}
			out = append(out, res)
		}
		return property.New(out), nil
	}
	if own {
		return v, fmt.Errorf("%s is a secret, but it decides which resources %s creates and appears in "+
			"their plain settings; pass it as a plain value", displayPath(path), r.component)
	}
	return v, nil
}

func (r resolver) resolveStruct(path string, v property.Value, t reflect.Type, secret bool) (property.Value, error) {
	in := v.AsMap()
	out := map[string]property.Value{}
	for key, elem := range in.All {
		out[key] = elem // unknown keys pass through; the component's own decoding reports them
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("pulumi"), ",")
		elem, ok := in.GetOk(name)
		if name == "" || !ok {
			continue
		}
		res, err := r.resolveShape(joinPath(path, name), elem, f.Type, secret)
		if err != nil {
			return v, err
		}
		out[name] = res
	}
	return property.New(out), nil
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func displayPath(path string) string {
	if path == "" {
		return "the component's inputs"
	}
	return path
}
