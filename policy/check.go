package policy

import (
	"context"
	"fmt"
	"os"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"
)

// PackName is the policy pack's name, as `pulumi preview` lists it under "Policies".
const PackName = "secureml"

// Version is the pack's version; `make policy` sets it.
var Version = "0.1.0"

// None marks a check with no Azure Policy definition or no Checkov check of the same meaning.
const None = "none"

// Check is one check of the pack.
type Check struct {
	// Name is the policy name: what `pulumi preview` prints and what a policy config file sets.
	Name string
	// AzurePolicy is the ID of the built-in Azure Policy definition the check mirrors, or None.
	AzurePolicy string
	// Checkov is the ID of the Checkov check it mirrors, or None.
	Checkov string
	// Enforcement is the default level: mandatory where Azure refuses or breaks the configuration, or
	// where the private network would be open; advisory for hardening recommendations.
	Enforcement policyx.EnforcementLevel
	// Summary says what the check requires, in one sentence.
	Summary string
	// Config is the schema of the check's settings, if any (resource checks only: policyx hands no
	// settings to stack checks).
	Config *policyx.ConfigSchema
	// Resource validates one resource, given the check's settings; it returns one message per
	// violation. Exactly one of Resource and Stack is set.
	Resource func(r Resource, settings Settings) []string
	// Stack validates the whole stack.
	Stack func(s *Stack) []Violation
}

// Settings are a resource check's configuration and what the pack knows about the stack.
type Settings struct {
	// Values are the check's settings from the policy config file, with the schema's defaults.
	Values map[string]any
	// Environment is the stack's azure-native `environment` setting, "" when it is not set.
	Environment string
}

// Violation is a stack check's finding on one resource.
type Violation struct {
	URN     string
	Message string
}

// Description is the policy description the engine shows: the IDs the check mirrors and its summary.
func (c Check) Description() string {
	return fmt.Sprintf("[Azure Policy %s | Checkov %s] %s", c.AzurePolicy, c.Checkov, c.Summary)
}

// EnforcementName is the enforcement level as policy config files spell it.
func (c Check) EnforcementName() string {
	switch c.Enforcement {
	case policyx.EnforcementLevelMandatory:
		return "mandatory"
	case policyx.EnforcementLevelAdvisory:
		return "advisory"
	case policyx.EnforcementLevelDisabled:
		return "disabled"
	default:
		return "remediate"
	}
}

// policy turns the check into a policyx policy; environment is the stack's azure-native setting.
func (c Check) policy(environment string) policyx.Policy {
	if c.Stack != nil {
		return policyx.NewStackValidationPolicy(c.Name, policyx.StackValidationPolicyArgs{
			Description:      c.Description(),
			EnforcementLevel: c.Enforcement,
			ConfigSchema:     c.Config,
			ValidateStack: func(_ context.Context, args policyx.StackValidationArgs) error {
				resources := make([]Resource, 0, len(args.Resources))
				for _, r := range args.Resources {
					resources = append(resources, fromAnalyzer(r))
				}
				for _, v := range c.Stack(NewStack(resources, environment)) {
					args.Manager.ReportViolation(v.Message, v.URN)
				}
				return nil
			},
		})
	}
	return policyx.NewResourceValidationPolicy(c.Name, policyx.ResourceValidationPolicyArgs{
		Description:      c.Description(),
		EnforcementLevel: c.Enforcement,
		ConfigSchema:     c.Config,
		ValidateResource: func(_ context.Context, args policyx.ResourceValidationArgs) error {
			settings := Settings{Values: args.Config, Environment: environment}
			for _, message := range c.Resource(fromAnalyzer(args.Resource), settings) {
				args.Manager.ReportViolation(message, "")
			}
			return nil
		},
	})
}

// NewPack builds the policy pack for one stack. The stack's azure-native `environment` setting (or
// ARM_ENVIRONMENT, which azure-native also reads) tells the checks which Azure cloud the stack
// deploys to; without it, zone names of any cloud are accepted and mixing clouds is flagged.
func NewPack(ctx *pulumi.Context) (policyx.PolicyPack, error) {
	environment := ""
	if ctx != nil {
		environment = config.Get(ctx, "azure-native:environment")
	}
	if environment == "" {
		environment = os.Getenv("ARM_ENVIRONMENT")
	}
	checks := Checks()
	policies := make([]policyx.Policy, 0, len(checks))
	for _, c := range checks {
		policies = append(policies, c.policy(environment))
	}
	version, err := semver.Parse(Version)
	if err != nil {
		return nil, fmt.Errorf("policy pack version %q: %w", Version, err)
	}
	return policyx.NewPolicyPack(PackName, version, policyx.EnforcementLevelAdvisory, policies)
}
