package azurestandin

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Soft delete: Azure keeps a deleted Key Vault, and a deleted Machine Learning workspace, in a
// soft-deleted state for a retention period; the name stays taken until the resource is purged,
// recovered or the period ends. The stand-in keeps them as DeletedRecords (store.go).
//
//   - Key Vault: soft delete is always on ("Soft-delete is enabled by default on all key vaults" and can
//     no longer be turned off, key-vault/general/soft-delete-overview.md); retention is
//     properties.softDeleteRetentionInDays, 7 to 90 days, 90 by default; purge protection
//     (properties.enablePurgeProtection) blocks a purge until the period ends
//     (deploy-times-and-security-checks.md §1.3; azure-ml-network-anchors.md (d) item 9). Vault names
//     are global, soft-deleted ones too.
//   - Machine Learning workspace: 14 days; the name is held in its resource group
//     (concept-soft-delete.md; azure-ml-network-anchors.md (c7)).

// Retention periods, in days.
const (
	defaultVaultRetentionDays = 90
	workspaceRetentionDays    = 14
)

// createModeRecover is the properties.createMode that takes a soft-deleted vault back.
const createModeRecover = "recover"

// purgeCommand is the plugin binary's subcommand that purges a soft-deleted resource from a state
// directory (RunPurge).
const purgeCommand = "purge"

// softDeletion returns what deleting the resource leaves soft-deleted in Azure (nil for types Azure
// deletes outright, or when the resource is not in the pretend Azure).
func softDeletion(view StoreView, now time.Time, rid ResourceID) (*DeletedRecord, error) {
	var days int
	var purgeProtection bool
	rec, ok, err := view.Get(rid.ID)
	if err != nil || !ok {
		return nil, err
	}
	switch rec.Type {
	case armVault:
		days = defaultVaultRetentionDays
		if d, ok := number(rec.Properties, "properties", "softDeleteRetentionInDays"); ok && d > 0 {
			days = int(d)
		}
		purgeProtection = boolAt(rec.Properties, "properties", "enablePurgeProtection")
	case armMLWorkspace:
		days = workspaceRetentionDays
	default:
		return nil, nil
	}
	now = now.UTC()
	return &DeletedRecord{
		ID: rec.ID, Type: rec.Type, Subscription: rec.Subscription, ResourceGroup: rec.ResourceGroup, Name: rec.Name,
		Location: pathString(rec.Properties, "location"), DeletionDate: now, ScheduledPurgeDate: now.AddDate(0, 0, days),
		PurgeProtectionEnabled: purgeProtection, RetentionDays: days, Properties: rec.Properties,
	}, nil
}

// activeDeleted returns the soft-deleted resources whose retention has not ended at now: Azure purges
// the others by itself.
func activeDeleted(view StoreView, now time.Time) ([]DeletedRecord, error) {
	all, err := view.Deleted()
	if err != nil {
		return nil, err
	}
	var out []DeletedRecord
	for _, d := range all {
		if now.Before(d.ScheduledPurgeDate) {
			out = append(out, d)
		}
	}
	return out, nil
}

// checkSoftDeleted applies soft delete to a create. A vault whose name a soft-deleted vault holds is
// refused: ConflictError when that vault is in the same subscription, VaultAlreadyExists when in another
// (its list of deleted vaults is per subscription; the name is global). A vault with properties.createMode
// "recover" takes back the soft-deleted vault of its ID instead, which is returned so the create removes
// it (SoftDeletedVaultDoesNotExist when there is none; a vault is recovered in its own subscription,
// Azure/azure-service-operator PR #3370). A workspace whose ID a soft-deleted workspace holds is refused.
func checkSoftDeleted(view StoreView, now time.Time, rid ResourceID, props map[string]any) (*DeletedRecord, error) {
	if rid.Type != armVault && rid.Type != armMLWorkspace {
		return nil, nil
	}
	deleted, err := activeDeleted(view, now)
	if err != nil {
		return nil, err
	}
	if rid.Type == armMLWorkspace {
		for _, d := range deleted {
			if d.Type == armMLWorkspace && sameID(d.ID, rid.ID) {
				return nil, errWorkspaceSoftDeleted(rid.ID)
			}
		}
		return nil, nil
	}
	if strings.EqualFold(pathString(props, "properties", "createMode"), createModeRecover) {
		for _, d := range deleted {
			if d.Type == armVault && sameID(d.ID, rid.ID) {
				return &d, nil
			}
		}
		return nil, errNoSoftDeletedVault(rid.ID)
	}
	for _, d := range deleted {
		if d.Type != armVault || !strings.EqualFold(d.Name, rid.Name) {
			continue
		}
		if strings.EqualFold(d.Subscription, rid.Subscription) {
			return nil, errVaultSoftDeleted(rid.Name)
		}
		return nil, errVaultAlreadyExists(rid.Name, "")
	}
	return nil, nil
}

// Purge removes the soft-deleted resources of an ARM type with the given name (compared
// case-insensitively, in every subscription and resource group) and returns how many it removed. It is
// the test's stand-in for Azure's purge (or for waiting out the retention period): unlike Azure it
// purges a vault with purge protection too.
func (s *Store) Purge(armType, name string) (int, error) {
	n := 0
	err := s.Apply(func(view StoreView) (Changes, error) {
		all, err := view.Deleted()
		if err != nil {
			return Changes{}, err
		}
		var c Changes
		for _, d := range all {
			if strings.EqualFold(d.Type, armType) && strings.EqualFold(d.Name, name) {
				c.RemoveDeleted = append(c.RemoveDeleted, d.ID)
			}
		}
		n = len(c.RemoveDeleted)
		return c, nil
	})
	return n, err
}

// PurgeDeletedVault purges the soft-deleted Key Vault name from the pretend Azure kept in stateDir, so an
// end-to-end test can create a vault of that name again; it reports whether there was one.
func PurgeDeletedVault(stateDir, name string) (bool, error) {
	n, err := NewStore(stateDir).Purge(armVault, name)
	return n > 0, err
}

// PurgeDeletedWorkspace purges the soft-deleted Machine Learning workspaces called name (in any resource
// group) from the pretend Azure kept in stateDir; it reports whether there was one.
func PurgeDeletedWorkspace(stateDir, name string) (bool, error) {
	n, err := NewStore(stateDir).Purge(armMLWorkspace, name)
	return n > 0, err
}

// purgeKinds maps the kinds RunPurge takes to ARM types.
var purgeKinds = map[string]string{"vault": armVault, "workspace": armMLWorkspace}

// IsPurgeCommand reports whether the plugin binary was started as `pulumi-resource-azure-native purge ...`
// rather than by the engine (which passes its address first).
func IsPurgeCommand(args []string) bool {
	return len(args) > 0 && args[0] == purgeCommand
}

// RunPurge runs `purge <vault|workspace> <name>` (args without the binary's name) against the pretend
// Azure kept in stateDir (SECUREML_STANDIN_STATE), writing what it purged to out.
func RunPurge(args []string, stateDir string, out io.Writer) error {
	if len(args) != 3 || !IsPurgeCommand(args) {
		return errors.New("offline Azure stand-in: usage: pulumi-resource-azure-native purge <vault|workspace> <name>")
	}
	armType, ok := purgeKinds[args[1]]
	if !ok {
		return fmt.Errorf("offline Azure stand-in: purge: unknown kind %q (vault or workspace)", args[1])
	}
	if stateDir == "" {
		return fmt.Errorf("offline Azure stand-in: purge: %s is not set", EnvState)
	}
	n, err := NewStore(stateDir).Purge(armType, args[2])
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "purged %d soft-deleted %s named %s\n", n, args[1], args[2])
	return err
}
