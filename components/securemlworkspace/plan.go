package securemlworkspace

import (
	"fmt"

	"github.com/pulumi/pulumi-go-provider/infer"
	"regexp"
	"slices"

	net "github.com/secureml/pulumi-secureml/components/securemlnetwork"
)

// workspacePlan is what the shape inputs decide, checked: no Pulumi runtime needed.
type workspacePlan struct {
	cloud          net.Cloud
	names          azureNames
	storageSku     StorageSku
	sharedKey      bool
	subresources   []net.StorageSubresource
	softDeleteDays int
	retentionDays  int
	imageBuild     string
	hbi            bool
	friendlyName   *string
	description    *string
	managed        managedNetworkPlan
	protectData    bool
}

// computeName is Azure ML's rule for compute names (resource-name-rules.md: 2-16 letters, digits and
// hyphens).
var computeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]{1,15}$`)

// newPlan checks the shape inputs and returns the plan.
func newPlan(args Args, component, suffix string) (workspacePlan, error) {
	p := workspacePlan{cloud: valueOr(args.Cloud, net.CloudAzureCloud), protectData: valueOr(args.ProtectData, defaultProtectData)}
	var err error
	if p.names, err = resolveNames(args.Names, component, suffix); err != nil {
		return p, err
	}
	if err := p.planStorage(args.StorageAccount); err != nil {
		return p, err
	}
	kv := valueOr(args.KeyVault, KeyVaultSettings{})
	if p.softDeleteDays = valueOr(kv.SoftDeleteRetentionDays, defaultSoftDeleteDays); p.softDeleteDays < 7 || p.softDeleteDays > 90 {
		return p, fmt.Errorf("keyVault.softDeleteRetentionDays %d is outside 7-90, the days Azure keeps a deleted vault; "+
			"use a value in that range", p.softDeleteDays)
	}
	mon := valueOr(args.Monitoring, MonitoringSettings{})
	if p.retentionDays = valueOr(mon.RetentionInDays, defaultLogRetentionDays); p.retentionDays < 30 || p.retentionDays > 730 {
		return p, fmt.Errorf("monitoring.retentionInDays %d is outside 30-730, the retention a Log Analytics workspace "+
			"on the pay-as-you-go tier accepts; use a value in that range", p.retentionDays)
	}
	ws := valueOr(args.Workspace, WorkspaceSettings{})
	if p.imageBuild = valueOr(ws.ImageBuildCompute, defaultImageBuildCompute); !computeName.MatchString(p.imageBuild) {
		return p, fmt.Errorf("workspace.imageBuildCompute %q is not a compute name: use 2-16 letters, digits and "+
			"hyphens, starting with a letter or digit", p.imageBuild)
	}
	p.hbi = valueOr(ws.HighBusinessImpact, defaultHighBusinessImpact)
	p.friendlyName, p.description = ws.FriendlyName, ws.Description
	if p.managed, err = planManagedNetwork(ws.ManagedNetwork, p.cloud); err != nil {
		return p, err
	}
	return p, nil
}

func (p *workspacePlan) planStorage(s *StorageSettings) error {
	settings := valueOr(s, StorageSettings{})
	p.storageSku = valueOr(settings.Sku, defaultStorageSku)
	if !slices.ContainsFunc(StorageSku("").Values(), func(v infer.EnumValue[StorageSku]) bool { return v.Value == p.storageSku }) {
		return fmt.Errorf("storageAccount.sku %q is not a standard redundancy Azure ML accepts for its default "+
			"storage; use one of %s", p.storageSku, skuList())
	}
	p.sharedKey = valueOr(settings.AllowSharedKeyAccess, defaultAllowSharedKeyAccess)
	p.subresources = settings.Subresources
	if p.subresources == nil {
		p.subresources = []net.StorageSubresource{net.StorageSubresourceBlob, net.StorageSubresourceFile}
	}
	for _, need := range []net.StorageSubresource{net.StorageSubresourceBlob, net.StorageSubresourceFile} {
		if !slices.Contains(p.subresources, need) {
			return fmt.Errorf("storageAccount.subresources %v lacks %q: the workspace reads and writes its storage "+
				"through both blob and file, and with public access closed it can only use private endpoints; add %q",
				p.subresources, need, need)
		}
	}
	return nil
}

func skuList() string {
	var names []string
	for _, v := range StorageSku("").Values() {
		names = append(names, string(v.Value))
	}
	return fmt.Sprint(names)
}

func valueOr[T any](p *T, fallback T) T {
	if p == nil {
		return fallback
	}
	return *p
}
